package org.amicus.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.amicus.gateway.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  /*
   * Spring Cloud Gateway declares a Redis rate limiter of its own (without limits) whenever the
   * Redis starter is present, so the limiter chosen here is @Primary: the one every filter gets.
   */

  /** In memory unless {@code amicus.gateway.rate-limit.store=redis}. */
  @Bean
  @Primary
  @ConditionalOnProperty(
      name = "amicus.gateway.rate-limit.store",
      havingValue = "memory",
      matchIfMissing = true)
  InMemoryRateLimiter inMemoryRateLimiter(RateLimitProperties limits) {
    return new InMemoryRateLimiter(limits);
  }

  /**
   * The buckets in Redis, shared by all gateway instances, with the same limits. Redis counts whole
   * tokens per second, so a fractional refill rate is rounded up. This bean replaces Spring Cloud
   * Gateway's own (same name); its Lua script and Redis template come from Spring Cloud Gateway's
   * and Spring Boot's Redis auto-configuration.
   */
  @Bean
  @Primary
  @ConditionalOnProperty(name = "amicus.gateway.rate-limit.store", havingValue = "redis")
  RedisRateLimiter redisRateLimiter(RateLimitProperties limits) {
    int perSecond = (int) Math.max(1, Math.ceil(limits.refillPerSecond()));
    return new RedisRateLimiter(perSecond, limits.capacity(), 1);
  }

  /** Signed-in callers are limited per user (subject); anonymous ones per address. */
  @Bean
  KeyResolver callerKeyResolver() {
    return exchange ->
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(Authentication::isAuthenticated)
            .map(authentication -> "user:" + authentication.getName())
            .switchIfEmpty(
                Mono.fromSupplier(
                    () ->
                        "address:"
                            + Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                                .map(InetSocketAddress::getHostString)
                                .orElse("unknown")));
  }

  /**
   * Applies the limiter to every routed request and answers a refusal with 429, Retry-After and
   * problem details (Spring's own RequestRateLimiter filter answers with an empty body).
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  GlobalFilter rateLimitFilter(RateLimiter<?> limiter, KeyResolver keys) {
    return (exchange, chain) -> {
      Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
      String routeId = route == null ? "unrouted" : route.getId();
      return keys.resolve(exchange)
          .flatMap(key -> limiter.isAllowed(routeId, key))
          .flatMap(
              response -> {
                response.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                if (response.isAllowed()) {
                  return chain.filter(exchange);
                }
                exchange
                    .getResponse()
                    .getHeaders()
                    .putIfAbsent("Retry-After", java.util.List.of("1"));
                return Problems.write(
                    exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS);
              });
    };
  }
}
