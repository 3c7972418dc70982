package org.amicus.gateway.resilience.web;

import org.amicus.gateway.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request when its service is down, too slow or its circuit
 * is open. Reached only by the gateway's internal forward; the security chain denies it from
 * outside.
 */
@RestController
class FallbackResource {

  private static final Logger log = LoggerFactory.getLogger(FallbackResource.class);

  @RequestMapping("/fallback/service-unavailable")
  Mono<Void> serviceUnavailable(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    log.warn("Service of route {} unavailable", route == null ? "?" : route.getId());
    exchange.getResponse().getHeaders().set("Retry-After", "10");
    return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE);
  }
}
