package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.amicus.testkit.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Tokens from the real Keycloak, a real PostgreSQL behind the service. */
class CasesServiceSecurityTest extends CasesIntegrationTest {

  @LocalServerPort int port;
  @Autowired RestClient.Builder restClient;

  private ResponseEntity<String> get(String path, String token) {
    return restClient
        .baseUrl("http://127.0.0.1:" + port)
        .build()
        .get()
        .uri(path)
        .headers(
            h -> {
              if (token != null) {
                h.setBearerAuth(token);
              }
            })
        .exchange(
            (request, response) ->
                ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .body(new String(response.getBody().readAllBytes())));
  }

  @Test
  void withoutATokenTheCallerGets401AsProblemDetails() {
    ResponseEntity<String> response = get("/internal/changes", null);

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("urn:amicus:problem:unauthenticated");
  }

  @Test
  void aPartnerMayNotReadTheChangeFeed() {
    String partner = RealDependencies.keycloak().accessToken("anna");

    ResponseEntity<String> response = get("/internal/changes", partner);

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody()).contains("urn:amicus:problem:forbidden");
  }

  @Test
  void theIndexerServiceAccountReadsTheChangeFeed() {
    String indexer = RealDependencies.keycloak().serviceToken("search-indexer");

    ResponseEntity<String> response = get("/internal/changes?after=0&limit=10", indexer);

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).contains("\"changes\"");
  }

  @Test
  void aTokenSignedByAnyoneButKeycloakIsRefused() throws JOSEException {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(keycloak.issuer())
            .audience(KeycloakInfo.AUDIENCE)
            .subject("forger")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("realm_access", Map.of("roles", List.of("indexer")))
            .build();
    SignedJWT forged =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(), claims);
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    assertThat(get("/internal/changes", forged.serialize()).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void healthAndTheApiDescriptionAreOpen() {
    assertThat(get("/actuator/health/readiness", null).getBody()).contains("UP");
    assertThat(get("/actuator/health/liveness", null).getStatusCode().value()).isEqualTo(200);
    assertThat(get("/v3/api-docs", null).getBody()).contains("/internal/changes");
    assertThat(get("/actuator/prometheus", null).getBody()).contains("jvm_memory_used_bytes");
  }

  @Test
  void everyResponseCarriesACorrelationId() {
    ResponseEntity<String> response = get("/actuator/health", null);

    assertThat(response.getHeaders().getFirst("X-Correlation-Id")).isNotBlank();
  }
}
