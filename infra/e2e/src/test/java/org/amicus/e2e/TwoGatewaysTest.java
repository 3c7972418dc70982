package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amicus.e2e.Platform.Instance;
import org.amicus.local.Applications.Application;
import org.amicus.testkit.Browser;
import org.amicus.testkit.RateLimits;
import org.amicus.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways, A and B, as separate processes from the packaged jar, in front of the real
 * services, with {@code AMICUS_SESSION_STORE=redis} and {@code AMICUS_RATE_LIMIT_STORE=redis} and
 * one real Redis: what a load balancer in front of several gateways needs. A browser signed in at A
 * is served by B, its CSRF token and rate-limit bucket are the same at both, a sign-out at B ends
 * the session at A, and the session outlives the gateway that signed it in.
 *
 * <p>Every assertion here depends on the shared store: the platform's own gateway keeps its
 * sessions in memory, as every gateway did before, and does not know A's session (the last test).
 * The module test {@code SharedSessionTest} checks the same with gateways in one JVM, and what a
 * process test cannot: the exact token relayed, and Keycloak's back-channel logout reaching the
 * other gateway.
 */
class TwoGatewaysTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BURST = 10;

  private static Platform platform;
  private static RedisServer redis;
  private static Instance a;
  private static Instance b;

  @BeforeAll
  static void twoGatewaysOnOneRedis() {
    assumeTrue(
        RedisServer.binary().isPresent(),
        "Two-gateway test skipped: no redis-server on the PATH (Debian: apt-get install"
            + " redis-server, which .ci/run does)");
    platform = Platform.get();
    redis = RedisServer.start(Path.of("target", "redis-two-gateways"));
    a = platform.another(Application.GATEWAY, shared());
    b = platform.another(Application.GATEWAY, shared());
  }

  @AfterAll
  static void stop() {
    for (Instance gateway : new Instance[] {a, b}) {
      if (gateway != null) {
        gateway.process().stop();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static Map<String, String> shared() {
    return Map.of(
        "AMICUS_SESSION_STORE", "redis",
        "AMICUS_RATE_LIMIT_STORE", "redis",
        "AMICUS_REDIS_HOST", "127.0.0.1",
        "AMICUS_REDIS_PORT", Integer.toString(redis.port()),
        "AMICUS_RATE_LIMIT_BURST", Integer.toString(BURST),
        "AMICUS_RATE_LIMIT_PER_SECOND", "1");
  }

  @Test
  void signedInAtAServedByBAndSignedOutAtBIsSignedOutAtA() throws Exception {
    Browser browser = new Browser();
    String session = browser.signIn(at(a), "anna");

    // The same browser (cookies are per host, not per port), its next requests sent to B.
    HttpResponse<String> me = browser.get(at(b) + "/api/me");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("anna");
    // B relays the token of A's login to the real cases-service, which checks it.
    assertThat(browser.get(at(b) + "/api/cases").statusCode()).isEqualTo(200);

    // The CSRF token A handed out is accepted by B (the empty case then reaches cases-service,
    // which names the missing fields); a request without it, or with a forged one, is refused.
    String csrf = browser.cookie("XSRF-TOKEN");
    assertThat(csrf).isNotBlank();
    HttpResponse<String> withToken = emptyCase(browser, b, Map.of("X-XSRF-TOKEN", csrf));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
    assertThat(withToken.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(emptyCase(browser, b, Map.of()).statusCode()).isEqualTo(403);
    assertThat(emptyCase(browser, b, Map.of("X-XSRF-TOKEN", "not-" + csrf)).statusCode())
        .isEqualTo(403);

    HttpResponse<String> logout =
        browser.post(
            at(b) + "/logout",
            "application/x-www-form-urlencoded",
            "",
            Map.of("X-XSRF-TOKEN", csrf));
    assertThat(logout.headers().firstValue("Location").orElseThrow())
        .startsWith(platform.keycloak().issuer() + "/protocol/openid-connect/logout");

    // A stolen copy of the cookie, replayed at A or B, finds no session at either.
    for (Instance gateway : List.of(a, b)) {
      HttpResponse<String> after = withCookie(session, at(gateway) + "/api/cases");
      assertThat(after.statusCode()).isEqualTo(401);
      assertThat(after.body()).contains("urn:amicus:problem:unauthenticated");
    }
  }

  @Test
  void aSessionOutlivesTheGatewayThatSignedItIn() {
    Instance c = platform.another(Application.GATEWAY, shared());
    Browser browser = new Browser();
    browser.signIn(at(c), "olena");
    assertThat(browser.get(at(c) + "/api/me").statusCode()).isEqualTo(200);

    c.process().kill();

    HttpResponse<String> atB = browser.get(at(b) + "/api/cases");
    assertThat(atB.statusCode())
        .as("the session signed in at a gateway that crashed")
        .isEqualTo(200);
  }

  @Test
  void aBrowsersRequestsSpreadOverAAndBDrawOnOneBucket() {
    Browser browser = new Browser();
    browser.signIn(at(a), "marco");

    long started = System.nanoTime();
    List<HttpResponse<String>> burst = new ArrayList<>();
    for (int i = 0; i < 3 * BURST; i++) {
      burst.add(browser.get(at(i % 2 == 0 ? a : b) + "/api/cases"));
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    // One bucket for marco in Redis; separate ones at A and B would let 2 * BURST through.
    RateLimits.assertCountedInOneBucket(burst, BURST, seconds);
  }

  /**
   * Without the shared store (the check that the tests above prove something): the platform's own
   * gateway keeps its sessions in memory, and the browser signed in at A is a stranger there.
   */
  @Test
  void aGatewayKeepingSessionsInMemoryDoesNotKnowTheSessionOfAnother() {
    Browser browser = new Browser();
    browser.signIn(at(a), "clara");
    assertThat(browser.get(at(b) + "/api/me").statusCode()).isEqualTo(200);

    HttpResponse<String> atPlatformsOwn = browser.get(platform.gatewayUrl() + "/api/me");

    assertThat(atPlatformsOwn.statusCode()).isEqualTo(401);
  }

  /** The gateway as browsers reach it: {@code localhost}, where its sign-in redirects lead. */
  private static String at(Instance gateway) {
    return "http://localhost:" + URI.create(gateway.url()).getPort();
  }

  private static HttpResponse<String> emptyCase(
      Browser browser, Instance gateway, Map<String, String> headers) {
    return browser.post(at(gateway) + "/api/cases", "application/json", "{}", headers);
  }

  /** A request from a client that has nothing but a copy of the session cookie. */
  private static HttpResponse<String> withCookie(String session, String url) {
    return new Browser().get(url, Map.of("Cookie", "SESSION=" + session));
  }
}
