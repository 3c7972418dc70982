package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.Browser;
import org.amicus.testkit.KeycloakAdmin;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser's way in (backend-for-frontend login against the real Keycloak) and the gateway's
 * promises to API clients: tokens checked, services reached with the caller's identity, a stopped
 * service answered with 503, a burst with 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayLoginTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StandInService CASES = new StandInService();
  private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.");

  private static final String EXPIRING_CLIENT = "gateway-test-expiring";
  private static final String OTHER_AUDIENCE_CLIENT = "gateway-test-other-audience";

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    SpringProperties.of(keycloak).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.gateway.login.issuer-uri", keycloak::issuer);
    registry.add("amicus.gateway.login.client-secret", () -> keycloak.clientSecret("gateway"));
    // No leeway here, so an expired token is refused the moment it expires.
    registry.add("amicus.gateway.login.clock-skew", () -> "0s");
    registry.add("AMICUS_CASES_URL", CASES::url);
    registry.add("AMICUS_WORKFLOW_URL", StandInService::stopped);
    registry.add("amicus.gateway.rate-limit.capacity", () -> "10");
    registry.add("amicus.gateway.rate-limit.refill-per-second", () -> "1");
  }

  @LocalServerPort int port;

  private KeycloakAdmin admin;

  @BeforeEach
  void keycloakKnowsThisGateway() {
    admin = new KeycloakAdmin(RealDependencies.keycloak());
    admin.allowGatewayAt(base());
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void aBrowserSignsInWithKeycloakAndReachesAServiceAsItsUserWithoutEverHoldingAToken()
      throws Exception {
    Browser browser = new Browser();

    String gatewaySession = signIn(browser, "anna");

    assertThat(gatewaySession).isNotBlank();
    HttpResponse<String> me = browser.get(base() + "/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode who = JSON.readTree(me.body());
    assertThat(who.get("username").asText()).isEqualTo("anna");
    assertThat(who.get("organisation").asText()).isEqualTo("odf");
    assertThat(who.get("roles").toString()).contains("partner");

    HttpResponse<String> viaGateway = browser.get(base() + "/api/cases/7");
    assertThat(viaGateway.statusCode()).isEqualTo(200);
    assertThat(viaGateway.body()).contains("served");
    var received = CASES.lastHeaders();
    String authorization = received.getFirst("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    JsonNode claims = payload(authorization.substring("Bearer ".length()));
    assertThat(claims.get("preferred_username").asText()).isEqualTo("anna");
    assertThat(received.getFirst("X-Correlation-Id")).isNotBlank();
    assertThat(received.getFirst("Cookie")).as("the session cookie stays at the gateway").isNull();

    assertThat(browser.seen)
        .filteredOn(response -> response.uri().getPort() == port)
        .allSatisfy(
            response -> {
              assertThat(TOKEN.matcher(response.body()).find()).isFalse();
              assertThat(String.join(";", response.headers().allValues("Set-Cookie")))
                  .doesNotContainPattern(TOKEN);
            });
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    Browser browser = new Browser();

    HttpResponse<String> start = browser.get(base() + "/oauth2/authorization/keycloak");

    assertThat(start.headers().allValues("Set-Cookie"))
        .filteredOn(cookie -> cookie.startsWith("SESSION="))
        .singleElement()
        .satisfies(
            cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    assertThat(start.headers().firstValue("Location").orElseThrow())
        .startsWith(RealDependencies.keycloak().issuer())
        .contains("code_challenge_method=S256");
  }

  @Test
  void stateChangingCallsOnTheSessionNeedTheCsrfToken() {
    Browser browser = new Browser();
    signIn(browser, "anna");

    HttpResponse<String> forged =
        browser.post(base() + "/api/cases", "application/json", "{}", Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);

    HttpResponse<String> fromTheUi =
        browser.post(
            base() + "/api/cases",
            "application/json",
            "{}",
            Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(fromTheUi.statusCode()).isEqualTo(200);
  }

  @Test
  void logoutEndsTheGatewaySessionAndTheKeycloakSession() {
    Browser browser = new Browser();
    signIn(browser, "clara");
    assertThat(browser.get(base() + "/api/me").statusCode()).isEqualTo(200);
    int keycloakSessions = admin.sessionsOf("clara");

    HttpResponse<String> logout =
        browser.post(
            base() + "/logout",
            "application/x-www-form-urlencoded",
            "",
            Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
    assertThat(logout.headers().firstValue("Location").orElseThrow())
        .startsWith(RealDependencies.keycloak().issuer() + "/protocol/openid-connect/logout");
    HttpResponse<String> after = browser.follow(logout);

    // Back at the gateway, the browser is sent to sign in again: Keycloak asks for the password.
    assertThat(after.body()).contains("kc-form-login");
    assertThat(admin.sessionsOf("clara")).isLessThan(keycloakSessions);
    HttpResponse<String> me = browser.get(base() + "/api/me");
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void anApiCallWithoutCredentialsGets401NotARedirect() {
    HttpResponse<String> response = new Browser().get(base() + "/api/cases/7");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("urn:amicus:problem:unauthenticated");
  }

  @Test
  void anExpiredTokenIsRefused() {
    admin.testClient(EXPIRING_CLIENT, true, 2);
    String token = admin.passwordToken(EXPIRING_CLIENT, "marco");
    Browser client = new Browser();
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    assertThat(client.get(base() + "/api/me", bearer).statusCode()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> assertThat(client.get(base() + "/api/me", bearer).statusCode()).isEqualTo(401));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    admin.testClient(OTHER_AUDIENCE_CLIENT, false, 300);
    String token = admin.passwordToken(OTHER_AUDIENCE_CLIENT, "marco");

    HttpResponse<String> response =
        new Browser().get(base() + "/api/me", Map.of("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(RealDependencies.keycloak().issuer())
            .audience(KeycloakInfo.AUDIENCE)
            .subject("forger")
            .claim("preferred_username", "anna")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(), claims);
    jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    HttpResponse<String> response =
        new Browser()
            .get(base() + "/api/cases/7", Map.of("Authorization", "Bearer " + jwt.serialize()));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aStoppedServiceIsAnswered503AsProblemDetailsAndLoggedWithTheCorrelationId(
      CapturedOutput output) {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "olena");
    String correlationId = "gateway-test-" + System.nanoTime();

    HttpResponse<String> response =
        new Browser()
            .get(
                base() + "/api/tasks",
                Map.of("Authorization", "Bearer " + token, "X-Correlation-Id", correlationId));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("urn:amicus:problem:service-unavailable");
    assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
    // The fallback's warning is written on a Reactor thread, yet carries the request's id.
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("Service of route workflow unavailable"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("\"correlationId\":\"" + correlationId));
  }

  @Test
  void aBurstFromOneUserIsAnswered429WithRetryAfter() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "marco");
    Browser client = new Browser();

    List<HttpResponse<String>> burst =
        java.util.stream.IntStream.range(0, 25)
            .mapToObj(
                i ->
                    client.get(base() + "/api/cases/7", Map.of("Authorization", "Bearer " + token)))
            .toList();

    assertThat(burst).anySatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    HttpResponse<String> refused =
        burst.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(refused.body()).contains("urn:amicus:problem:too-many-requests");
  }

  @Test
  void securityHeadersAreOnEveryResponse() {
    HttpResponse<String> response = new Browser().get(base() + "/login");

    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .as("sign-out posts a form that redirects to Keycloak's logout")
        .contains("form-action 'self' " + keycloakOrigin());
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .as("HSTS only behind TLS")
        .isEmpty();
  }

  private static String keycloakOrigin() {
    URI issuer = URI.create(RealDependencies.keycloak().issuer());
    return issuer.getScheme() + "://" + issuer.getAuthority();
  }

  @Test
  void anOversizedUploadIsRefusedWith413() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    String elevenMegabytes = "x".repeat(11 * 1024 * 1024);

    HttpResponse<String> response =
        new Browser()
            .post(
                base() + "/api/cases/7/documents",
                "application/octet-stream",
                elevenMegabytes,
                Map.of("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("urn:amicus:problem:payload-too-large");
  }

  @Test
  void anOversizedChunkedUploadWithoutContentLengthIsRefusedWith413() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    HttpResponse<String> response =
        new Browser()
            .postChunked(
                base() + "/api/cases/7/documents",
                11 * 1024 * 1024,
                Map.of("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("urn:amicus:problem:payload-too-large");
  }

  @Test
  void aChunkedUploadWithinTheLimitReachesTheServiceWhole() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "olena");
    int size = 300 * 1024;

    HttpResponse<String> response =
        new Browser()
            .postChunked(
                base() + "/api/cases/7/documents",
                size,
                Map.of("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(CASES.lastHeaders().getFirst("Content-Length")).isEqualTo(String.valueOf(size));
  }

  @Test
  void internalAndActuatorPathsOfServicesAreNeverRouted() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "clara");
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
    Browser client = new Browser();

    assertThat(client.get(base() + "/internal/changes", bearer).statusCode()).isEqualTo(403);
    assertThat(client.get(base() + "/api/cases/../actuator/env", bearer).statusCode())
        .isNotEqualTo(200);
    assertThat(client.get(base() + "/engine-rest/process-definition", bearer).statusCode())
        .isIn(403, 404);
  }

  /**
   * Without a trusted proxy configured, nobody's forwarded headers count: the service (and the
   * audit trail reading X-Forwarded-For) gets the address the gateway itself saw.
   */
  @Test
  void aClientCannotMakeUpItsAddressWithForwardedHeaders() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "olena");

    HttpResponse<String> response =
        new Browser()
            .get(
                base() + "/api/cases/7",
                Map.of(
                    "Authorization", "Bearer " + token,
                    "X-Forwarded-For", "203.0.113.7",
                    "Forwarded", "for=203.0.113.8;proto=https"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(CASES.lastHeaders().get("X-Forwarded-For")).containsExactly("127.0.0.1");
    assertThat(String.valueOf(CASES.lastHeaders().get("Forwarded"))).doesNotContain("203.0.113");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  /**
   * Cut someone off (docs/security.md): an admin logs the person out in Keycloak, one action;
   * Keycloak tells the gateway over the back channel and the person's signed-in browser is refused
   * at its next call, long before its access token (5 minutes) would have expired.
   */
  @Test
  void aPersonCutOffByAnAdminIsRefusedAtTheirNextCall() {
    admin.backChannelLogoutTo(base());
    Browser browser = new Browser();
    signIn(browser, "olena");
    assertThat(browser.get(base() + "/api/me").statusCode()).isEqualTo(200);

    admin.logOut("olena");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(browser.get(base() + "/api/me").statusCode()).isEqualTo(401));
    assertThat(browser.get(base() + "/api/cases/7").statusCode()).isEqualTo(401);
    assertThat(admin.sessionsOf("olena")).as("Keycloak sessions of the person").isZero();
  }

  /** Signs in through the gateway as a browser does; returns the gateway's session cookie. */
  private String signIn(Browser browser, String username) {
    return browser.signIn(base(), username);
  }

  private static JsonNode payload(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }
}
