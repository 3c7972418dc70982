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
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

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

  /**
   * Each instance gets Netty resources of its own: closing it must not shut the event loops and
   * connection pool that other gateways in this JVM (other test classes) still use.
   */
  @Configuration(proxyBeanMethods = false)
  static class OwnNettyResources {
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
      ReactorResourceFactory resources = new ReactorResourceFactory();
      resources.setUseGlobalResources(false);
      return resources;
    }
  }

  private static ConfigurableApplicationContext gateway() {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    List<String> arguments = new ArrayList<>();
    SpringProperties.of(keycloak).forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.addAll(
        List.of(
            "--server.port=0",
            "--management.server.port=0",
            "--amicus.gateway.login.issuer-uri=" + keycloak.issuer(),
            "--amicus.gateway.login.client-secret=" + keycloak.clientSecret("gateway"),
            "--AMICUS_CASES_URL=" + cases.url(),
            "--amicus.gateway.rate-limit.store=redis",
            "--spring.data.redis.host=127.0.0.1",
            "--spring.data.redis.port=" + redis.port(),
            "--amicus.gateway.rate-limit.capacity=" + BURST,
            "--amicus.gateway.rate-limit.refill-per-second=1",
            "--logging.level.root=WARN"));
    // Command-line arguments: they outrank amicus-defaults.yml, default properties do not.
    return new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
        .run(arguments.toArray(String[]::new));
  }

  private static String url(int gateway) {
    return "http://127.0.0.1:"
        + GATEWAYS.get(gateway).getEnvironment().getProperty("local.server.port");
  }

  @Test
  void aBurstSpreadOverTwoGatewaysIsCountedOnceAndAnotherUserIsNotHeldUp() throws Exception {
    Map<String, String> marco =
        Map.of("Authorization", "Bearer " + RealDependencies.keycloak().accessToken("marco"));
    Map<String, String> anna =
        Map.of("Authorization", "Bearer " + RealDependencies.keycloak().accessToken("anna"));

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

    long allowed = burst.stream().filter(response -> response.statusCode() == 200).count();
    // One bucket in Redis: the burst plus what refilled (1 a second) while it was sent. Buckets in
    // each gateway's memory would have let BURST through at each, 2 * BURST in all.
    assertThat(allowed)
        .as("requests let through in %.1f s", seconds)
        .isGreaterThanOrEqualTo(BURST)
        .isLessThanOrEqualTo(BURST + (long) Math.ceil(seconds))
        .isLessThan(2L * BURST);
    assertThat(burst)
        .filteredOn(response -> response.statusCode() != 200)
        .isNotEmpty()
        .allSatisfy(
            refused -> {
              assertThat(refused.statusCode()).isEqualTo(429);
              assertThat(refused.headers().firstValue("Retry-After")).isPresent();
              assertThat(refused.body()).contains("urn:amicus:problem:too-many-requests");
            });
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
