package org.amicus.gateway;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.amicus.platform.web.CorrelationId;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id (or keeps a safe one the client sent), passes it to the
 * service the request is routed to, echoes it in the response and puts it in every log line written
 * while handling the request.
 *
 * <p>A reactive request hops between threads, so the MDC (a thread local) cannot simply be set
 * once. The id goes into the Reactor context instead; with {@code
 * spring.reactor.context-propagation=auto}, Reactor restores the registered thread local below from
 * that context around each operator, on whichever thread it runs, and clears it afterwards.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdWebFilter implements WebFilter {

  static {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcCorrelationId());
  }

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

  /** The MDC entry {@code correlationId}, as a thread local Reactor can restore and clear. */
  static final class MdcCorrelationId implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
      return CorrelationId.MDC_KEY;
    }

    @Override
    public String getValue() {
      return MDC.get(CorrelationId.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
      MDC.put(CorrelationId.MDC_KEY, value);
    }

    @Override
    public void setValue() {
      MDC.remove(CorrelationId.MDC_KEY);
    }
  }
}
