package org.amicus.gateway.edge;

import org.amicus.gateway.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above the configured size with 413 before anything reads them. Browsers and HTTP
 * clients announce the size of uploads in Content-Length; the services keep their own limits for
 * bodies sent without it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeWebFilter implements WebFilter {

  private final EdgeProperties edge;

  RequestSizeWebFilter(EdgeProperties edge) {
    this.edge = edge;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > edge.maxRequestSize().toBytes()) {
      return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE);
    }
    return chain.filter(exchange);
  }
}
