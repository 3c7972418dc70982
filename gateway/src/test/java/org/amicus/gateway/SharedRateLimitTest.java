package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.amicus.testkit.Browser;
import org.amicus.testkit.RateLimits;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.RedisServer;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances with {@code amicus.gateway.rate-limit.store=redis} and one real Redis: a
 * user's burst spread over both is counted once, as if one gateway served it.
 */
class SharedRateLimitTest {

  private static final int BURST = 10;
  private static final int PER_GATEWAY = 2 * BURST;

  private static RedisServer redis;
  private static StandInService cases;
  private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();

  @BeforeAll
  static void twoGatewaysShareOneRedis() {
    assumeTrue(
        RedisServer.binary().isPresent(),
        "Shared rate-limit test skipped: no redis-server on the PATH (Debian: apt-get install"
            + " redis-server, which .ci/run does)");
    redis = RedisServer.start(Path.of("target", "redis"));
    cases = new StandInService();
    GATEWAYS.add(gateway());
    GATEWAYS.add(gateway());
  }

  @AfterAll
  static void stop() {
    GATEWAYS.forEach(ConfigurableApplicationContext::close);
    if (redis != null) {
      redis.close();
    }
  }

  private static ConfigurableApplicationContext gateway() {
    return GatewayInstances.start(cases, redis.port(), BURST);
  }

  private static String url(int gateway) {
    return GatewayInstances.url(GATEWAYS.get(gateway));
  }

  @Test
  void aBurstSpreadOverTwoGatewaysIsCountedOnceAndAnotherUserIsNotHeldUp() throws Exception {
    Map<String, String> marco =
        Map.of(
            "Authorization", "Bearer " + Tokens.accessToken(RealDependencies.keycloak(), "marco"));
    Map<String, String> anna =
        Map.of(
            "Authorization", "Bearer " + Tokens.accessToken(RealDependencies.keycloak(), "anna"));

    long started = System.nanoTime();
    List<HttpResponse<String>> burst = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 2 * PER_GATEWAY; i++) {
        String target = url(i % 2) + "/api/cases/7";
        sent.add(CompletableFuture.supplyAsync(() -> new Browser().get(target, marco), senders));
      }
      for (CompletableFuture<HttpResponse<String>> response : sent) {
        burst.add(response.get());
      }
    } finally {
      senders.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    RateLimits.assertCountedInOneBucket(burst, BURST, seconds);
    for (int gateway = 0; gateway < GATEWAYS.size(); gateway++) {
      int index = gateway;
      assertThat(burst)
          .as("refused at gateway %d too", gateway)
          .anySatisfy(
              response -> {
                assertThat(response.uri().toString()).startsWith(url(index));
                assertThat(response.statusCode()).isEqualTo(429);
              });
      assertThat(new Browser().get(url(gateway) + "/api/cases/7", anna).statusCode())
          .as("another user's bucket is her own")
          .isEqualTo(200);
    }
  }
}
