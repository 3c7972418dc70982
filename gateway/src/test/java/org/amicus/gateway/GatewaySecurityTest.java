package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.contract.ResourceServerContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * API clients with Bearer tokens from the real Keycloak; the gateway checks them before routing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test here
class GatewaySecurityTest implements ResourceServerContract {

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    RealDependencies.keycloak()
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String partnerPath() {
    return "/api/cases";
  }

  @Override
  public String forbiddenForPartnerPath() {
    return "/internal/changes";
  }

  @Override
  public String documentedPath() {
    return "\"openapi\"";
  }

  /** The gateway is for people: a service account's real, valid token is refused there. */
  @ParameterizedTest
  @ValueSource(strings = {"search-indexer", "workflow-service"})
  void aServiceAccountsTokenIsRefusedWith401(String client) {
    String serviceToken = RealDependencies.keycloak().serviceToken(client);

    HttpResponse<String> response = get(partnerPath(), serviceToken);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("urn:amicus:problem:unauthenticated");
    assertThat(get("/internal/changes", serviceToken).statusCode()).isEqualTo(401);
  }
}
