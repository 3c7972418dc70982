package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.amicus.testkit.Browser;
import org.amicus.testkit.KeycloakAdmin;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances, A and B, with {@code amicus.gateway.session.store=redis} and one real
 * Redis, as separate Spring Boot application contexts in this JVM (own ports, Netty resources and
 * beans; they share nothing but Redis and Keycloak): what the process test {@code TwoGatewaysTest}
 * in infra/e2e cannot see from outside. B relays exactly the token of the login made at A (the
 * stand-in service records it), and Keycloak's back-channel logout reaching B ends the session
 * signed in at A. The rest (CSRF, sign-out, one rate-limit bucket, a gateway without the shared
 * store) is the process test's.
 */
class SharedSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BURST = 10;

  private static RedisServer redis;
  private static StandInService cases;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static KeycloakAdmin admin;

  @BeforeAll
  static void twoGatewaysShareOneRedis() {
    assumeTrue(
        RedisServer.binary().isPresent(),
        "Shared session test skipped: no redis-server on the PATH (Debian: apt-get install"
            + " redis-server, which .ci/run does)");
    redis = RedisServer.start(Path.of("target", "redis-sessions"));
    cases = new StandInService();
    a = gateway();
    b = gateway();
    admin = new KeycloakAdmin(RealDependencies.keycloak());
    for (ConfigurableApplicationContext gateway : List.of(a, b)) {
      admin.allowGatewayAt(url(gateway));
    }
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {a, b}) {
      if (gateway != null) {
        gateway.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static ConfigurableApplicationContext gateway() {
    return GatewayInstances.start(cases, redis.port(), BURST, "amicus.gateway.session.store=redis");
  }

  private static String url(ConfigurableApplicationContext gateway) {
    return GatewayInstances.url(gateway);
  }

  @Test
  void bRelaysTheTokenOfTheLoginMadeAtA() throws Exception {
    Browser browser = new Browser();
    signIn(browser, a, "anna");

    HttpResponse<String> viaB = browser.get(url(b) + "/api/cases/7");

    assertThat(viaB.statusCode()).isEqualTo(200);
    String relayed = cases.lastHeaders().getFirst("Authorization");
    assertThat(relayed).as("B relays the token of A's login").startsWith("Bearer ");
    assertThat(claims(relayed).get("preferred_username").asText()).isEqualTo("anna");
  }

  /**
   * Cut someone off (docs/security.md) with two gateways: Keycloak's back-channel logout reaches B,
   * the session was signed in at A, and A refuses it at the next call.
   */
  @Test
  void aBackChannelLogoutReachingBEndsTheSessionSignedInAtA() {
    admin.backChannelLogoutTo(url(b));
    Browser browser = new Browser();
    String session = signIn(browser, a, "olena");
    assertThat(withCookie(session, url(a) + "/api/me").statusCode()).isEqualTo(200);

    admin.logOut("olena");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(withCookie(session, url(a) + "/api/me").statusCode()).isEqualTo(401));
    assertThat(withCookie(session, url(b) + "/api/cases/7").statusCode()).isEqualTo(401);
  }

  /** Signs in at {@code gateway} as a browser does; returns the gateway's session cookie. */
  private static String signIn(
      Browser browser, ConfigurableApplicationContext gateway, String username) {
    return browser.signIn(url(gateway), username);
  }

  /** A request from a client that has nothing but a copy of the session cookie. */
  private static HttpResponse<String> withCookie(String session, String url) {
    return new Browser().get(url, Map.of("Cookie", "SESSION=" + session));
  }

  private static JsonNode claims(String authorization) throws Exception {
    String jwt = authorization.substring("Bearer ".length());
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }
}
