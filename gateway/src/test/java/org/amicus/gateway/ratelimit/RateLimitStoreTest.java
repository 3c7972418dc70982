package org.amicus.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;

/**
 * Which rate limiter the gateway uses: chosen by {@code amicus.gateway.rate-limit.store}, with the
 * configured limits, and letting requests through when Redis cannot be reached. Counting in a real
 * Redis shared by two gateways is {@code SharedRateLimitTest}'s.
 */
class RateLimitStoreTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RateLimitProperties.class)
  static class Limits {

    /** Spring Cloud Gateway's, which its own Redis rate limiter needs. */
    @Bean
    ConfigurationService configurationService(BeanFactory beans) {
      return new ConfigurationService(
          beans, () -> DefaultConversionService.getSharedInstance(), () -> null);
    }
  }

  // Spring Boot's and Spring Cloud Gateway's Redis auto-configuration, present in both modes.
  private final ApplicationContextRunner gateway =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  RedisAutoConfiguration.class,
                  RedisReactiveAutoConfiguration.class,
                  // package-private in Spring Cloud Gateway
                  ClassUtils.resolveClassName(
                      "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration",
                      null)))
          .withUserConfiguration(Limits.class, RateLimitConfiguration.class)
          .withPropertyValues(
              "amicus.gateway.rate-limit.capacity=30",
              "amicus.gateway.rate-limit.refill-per-second=2.5",
              "spring.data.redis.host=127.0.0.1",
              "spring.data.redis.port=" + closedPort(),
              "spring.data.redis.timeout=500ms",
              "spring.data.redis.connect-timeout=500ms");

  @Test
  void byDefaultEachGatewayLimitsInItsOwnMemory() {
    gateway.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(RateLimiter.class)).isInstanceOf(InMemoryRateLimiter.class);
        });
  }

  @Test
  void withTheRedisStoreAllGatewaysShareRedisBucketsWithTheConfiguredLimits() {
    gateway
        .withPropertyValues("amicus.gateway.rate-limit.store=redis")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(InMemoryRateLimiter.class);
              RateLimiter<?> limiter = context.getBean(RateLimiter.class);
              assertThat(limiter).isInstanceOf(RedisRateLimiter.class);

              // Redis is unreachable here: the request passes, and the headers show the limits.
              RateLimiter.Response response =
                  limiter.isAllowed("cases", "user:test").block(Duration.ofSeconds(10));
              assertThat(response.isAllowed()).isTrue();
              assertThat(response.getHeaders())
                  .containsEntry(RedisRateLimiter.BURST_CAPACITY_HEADER, "30")
                  .containsEntry(RedisRateLimiter.REPLENISH_RATE_HEADER, "3");
            });
  }

  @Test
  void anUnknownStoreIsRefusedAtStartUp() {
    gateway
        .withPropertyValues("amicus.gateway.rate-limit.store=postgres")
        .run(context -> assertThat(context).hasFailed());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
