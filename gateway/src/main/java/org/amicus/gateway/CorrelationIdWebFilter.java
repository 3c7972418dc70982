package org.amicus.gateway;

import org.amicus.platform.web.CorrelationId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id (or keeps a safe one the client sent), passes it to the
 * service the request is routed to and echoes it in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdWebFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        CorrelationId.acceptOrCreate(
            exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
    ServerWebExchange withId =
        exchange.mutate().request(r -> r.headers(h -> h.set(CorrelationId.HEADER, id))).build();
    withId.getResponse().getHeaders().set(CorrelationId.HEADER, id);
    return chain.filter(withId).contextWrite(context -> context.put(CorrelationId.MDC_KEY, id));
  }
}
