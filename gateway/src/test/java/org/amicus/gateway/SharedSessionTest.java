package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.amicus.testkit.Browser;
import org.amicus.testkit.KeycloakAdmin;
import org.amicus.testkit.RateLimits;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances, A and B, with {@code amicus.gateway.session.store=redis} and one real
 * Redis: a browser signed in at A is served by B (the load balancer may send any request to
 * either), its tokens relayed by B, its CSRF token and rate-limit bucket the same at both, and a
 * sign-out at either, or Keycloak's back-channel logout reaching either, ends the session at both.
 *
 * <p>The instances are separate Spring Boot application contexts in this JVM, each with its own
 * port, Netty resources and beans; they share nothing but Redis and Keycloak, as two processes
 * would. A third instance, C, keeps sessions in memory, as every gateway did before: it does not
 * know A's session, which is what the shared store fixes.
 */
class SharedSessionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BURST = 10;

  private static RedisServer redis;
  private static StandInService cases;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static ConfigurableApplicationContext c;
  private static KeycloakAdmin admin;

  @BeforeAll
  static void twoGatewaysShareOneRedis() {
    assumeTrue(
        RedisServer.binary().isPresent(),
        "Shared session test skipped: no redis-server on the PATH (Debian: apt-get install"
            + " redis-server, which .ci/run does)");
    redis = RedisServer.start(Path.of("target", "redis-sessions"));
    cases = new StandInService();
    a = gateway("redis");
    b = gateway("redis");
    c = gateway("memory");
    admin = new KeycloakAdmin(RealDependencies.keycloak());
    for (ConfigurableApplicationContext gateway : List.of(a, b, c)) {
      admin.allowGatewayAt(url(gateway));
    }
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {a, b, c}) {
      if (gateway != null) {
        gateway.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static ConfigurableApplicationContext gateway(String sessionStore) {
    return GatewayInstances.start(
        cases, redis.port(), BURST, "amicus.gateway.session.store=" + sessionStore);
  }

  private static String url(ConfigurableApplicationContext gateway) {
    return GatewayInstances.url(gateway);
  }

  @Test
  void signedInAtAServedByBAndSignedOutAtBIsSignedOutAtA() throws Exception {
    Browser browser = new Browser();
    String session = signIn(browser, a, "anna");

    // The same browser (cookies are per host, not per port), its next request sent to B.
    HttpResponse<String> me = browser.get(url(b) + "/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("anna");
    HttpResponse<String> viaB = browser.get(url(b) + "/api/cases/7");
    assertThat(viaB.statusCode()).isEqualTo(200);
    String relayed = cases.lastHeaders().getFirst("Authorization");
    assertThat(relayed).as("B relays the token of A's login").startsWith("Bearer ");
    assertThat(claims(relayed).get("preferred_username").asText()).isEqualTo("anna");

    // The CSRF token A handed out is accepted by B; a forged request is refused by B.
    String csrf = browser.cookie("XSRF-TOKEN");
    assertThat(csrf).isNotBlank();
    assertThat(post(browser, b, Map.of("X-XSRF-TOKEN", csrf)).statusCode()).isEqualTo(200);
    assertThat(post(browser, b, Map.of()).statusCode()).isEqualTo(403);
    assertThat(post(browser, b, Map.of("X-XSRF-TOKEN", "not-" + csrf)).statusCode()).isEqualTo(403);

    HttpResponse<String> logout =
        browser.post(
            url(b) + "/logout",
            "application/x-www-form-urlencoded",
            "",
            Map.of("X-XSRF-TOKEN", csrf));
    assertThat(logout.headers().firstValue("Location").orElseThrow())
        .startsWith(RealDependencies.keycloak().issuer() + "/protocol/openid-connect/logout");

    // A stolen copy of the cookie, replayed at A, finds no session there either.
    for (ConfigurableApplicationContext gateway : List.of(a, b)) {
      HttpResponse<String> after = withCookie(session, url(gateway) + "/api/cases/7");
      assertThat(after.statusCode()).isEqualTo(401);
      assertThat(after.body()).contains("urn:amicus:problem:unauthenticated");
    }
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

  @Test
  void aBrowsersRequestsSpreadOverAAndBDrawOnOneBucket() {
    Browser browser = new Browser();
    signIn(browser, a, "marco");

    long started = System.nanoTime();
    List<HttpResponse<String>> burst = new ArrayList<>();
    for (int i = 0; i < 3 * BURST; i++) {
      burst.add(browser.get(url(i % 2 == 0 ? a : b) + "/api/cases/7"));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    // One bucket for marco in Redis; separate ones at A and B would let 2 * BURST through.
    RateLimits.assertCountedInOneBucket(burst, BURST, seconds);
  }

  /**
   * Without the shared store (the check that the test above proves something): C keeps its sessions
   * in memory, as a gateway did before Spring Session, and the browser signed in at A is a stranger
   * there.
   */
  @Test
  void aGatewayKeepingSessionsInMemoryDoesNotKnowTheSessionOfAnother() {
    Browser browser = new Browser();
    signIn(browser, a, "clara");
    assertThat(browser.get(url(b) + "/api/me").statusCode()).isEqualTo(200);

    HttpResponse<String> atC = browser.get(url(c) + "/api/me");

    assertThat(atC.statusCode()).isEqualTo(401);
  }

  /** Signs in at {@code gateway} as a browser does; returns the gateway's session cookie. */
  private static String signIn(
      Browser browser, ConfigurableApplicationContext gateway, String username) {
    return browser.signIn(url(gateway), username);
  }

  private static HttpResponse<String> post(
      Browser browser, ConfigurableApplicationContext gateway, Map<String, String> headers) {
    return browser.post(url(gateway) + "/api/cases", "application/json", "{}", headers);
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
