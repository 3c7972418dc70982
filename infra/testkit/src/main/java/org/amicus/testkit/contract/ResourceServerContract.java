package org.amicus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What every Amicus application promises at its HTTP edge, checked with tokens from the real
 * Keycloak: 401 and 403 as problem details, forged tokens refused, health, metrics and the OpenAPI
 * description open, a correlation id on every response.
 *
 * <p>A JUnit test interface, so a test class can extend its service's shared Spring context base
 * and still take these tests.
 */
public interface ResourceServerContract {

  /** Where the application under test listens, e.g. {@code http://127.0.0.1:PORT}. */
  String baseUrl();

  /** A path that needs a token and that a demo partner's token is accepted for. */
  String partnerPath();

  /** A path a demo partner may not call (wrong role). */
  String forbiddenForPartnerPath();

  /** Text the application's OpenAPI description must contain (a path it serves). */
  String documentedPath();

  default HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("The application did not answer " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  default void withoutATokenTheCallerGets401AsProblemDetails() {
    HttpResponse<String> response = get(partnerPath(), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("urn:amicus:problem:unauthenticated");
  }

  @Test
  default void aDemoPartnersTokenIsAccepted() {
    String partner = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    assertThat(get(partnerPath(), partner).statusCode()).isNotIn(401, 403);
  }

  @Test
  default void aPartnerIsRefusedWhatTheirRoleDoesNotAllow() {
    String partner = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    HttpResponse<String> response = get(forbiddenForPartnerPath(), partner);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("urn:amicus:problem:forbidden");
  }

  @Test
  default void aTokenSignedByAnyoneButKeycloakIsRefused() throws JOSEException {
    assertThat(get(partnerPath(), forged(KeycloakInfo.AUDIENCE)).statusCode()).isEqualTo(401);
  }

  @Test
  default void healthMetricsAndTheApiDescriptionAreOpen() {
    assertThat(get("/actuator/health/readiness", null).body()).contains("UP");
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(get("/v3/api-docs", null).body()).contains(documentedPath());
    assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
  }

  @Test
  default void everyResponseCarriesACorrelationId() {
    assertThat(get("/actuator/health", null).headers().firstValue("X-Correlation-Id"))
        .hasValueSatisfying(id -> assertThat(id).isNotBlank());
  }

  /** A well-formed token with the right issuer and audience, signed by a key Keycloak never had. */
  static String forged(String audience) throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(RealDependencies.keycloak().issuer())
            .audience(audience)
            .subject("forger")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("organisation", "odf")
            .claim("realm_access", Map.of("roles", List.of("partner", "indexer", "admin")))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(), claims);
    jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    return jwt.serialize();
  }

  /** One client for every contract test. */
  final class Http {
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}
  }
}
