package org.amicus.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * A token bucket per key (user or address), kept in this gateway's memory. Right for one gateway
 * instance; several instances need a shared store (Spring Cloud Gateway's Redis rate limiter), see
 * docs/security.md.
 */
public class InMemoryRateLimiter implements RateLimiter<Object> {

  /** The header that tells a refused client when to try again, in whole seconds. */
  public static final String RETRY_AFTER = "Retry-After";

  private final RateLimitProperties limits;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public InMemoryRateLimiter(RateLimitProperties limits) {
    this(limits, System::nanoTime);
  }

  InMemoryRateLimiter(RateLimitProperties limits, LongSupplier nanoClock) {
    this.limits = limits;
    this.nanoClock = nanoClock;
  }

  @Override
  public Mono<Response> isAllowed(String routeId, String id) {
    return Mono.fromSupplier(() -> take(id));
  }

  Response take(String key) {
    if (buckets.size() > limits.maxTrackedKeys()) {
      forgetFullBuckets();
    }
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limits.capacity(), now));
    synchronized (bucket) {
      bucket.refill(now, limits.capacity(), limits.refillPerSecond());
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Response(
            true, Map.of("X-RateLimit-Remaining", String.valueOf((long) bucket.tokens)));
      }
      long retryAfter = (long) Math.ceil((1 - bucket.tokens) / limits.refillPerSecond());
      return new Response(
          false,
          Map.of(
              RETRY_AFTER, String.valueOf(Math.max(1, retryAfter)), "X-RateLimit-Remaining", "0"));
    }
  }

  private void forgetFullBuckets() {
    long now = nanoClock.getAsLong();
    buckets
        .values()
        .removeIf(
            bucket -> {
              synchronized (bucket) {
                bucket.refill(now, limits.capacity(), limits.refillPerSecond());
                return bucket.tokens >= limits.capacity();
              }
            });
  }

  @Override
  public Map<String, Object> getConfig() {
    return Map.of();
  }

  @Override
  public Class<Object> getConfigClass() {
    return Object.class;
  }

  @Override
  public Object newConfig() {
    return new Object();
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    void refill(long now, int capacity, double perSecond) {
      double elapsedSeconds = (now - refilledAt) / 1e9;
      if (elapsedSeconds > 0) {
        tokens = Math.min(capacity, tokens + elapsedSeconds * perSecond);
        refilledAt = now;
      }
    }
  }
}
