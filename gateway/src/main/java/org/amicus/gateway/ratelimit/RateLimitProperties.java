package org.amicus.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user request limits on the routes to the services, as a token bucket.
 *
 * @param store where the buckets live: this gateway's memory, or Redis shared by all gateways
 * @param capacity the burst a user may send at once
 * @param refillPerSecond the sustained requests per second
 * @param maxTrackedKeys above this many users/addresses, idle full buckets are forgotten
 */
@ConfigurationProperties("amicus.gateway.rate-limit")
public record RateLimitProperties(
    @DefaultValue("memory") Store store,
    @DefaultValue("50") int capacity,
    @DefaultValue("10") double refillPerSecond,
    @DefaultValue("100000") int maxTrackedKeys) {

  /** Where the buckets live. */
  public enum Store {
    /** One gateway instance: {@link InMemoryRateLimiter}. */
    MEMORY,
    /** Several instances: Spring Cloud Gateway's Redis rate limiter, buckets in one Redis. */
    REDIS
  }
}
