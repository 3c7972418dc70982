package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.amicus.testkit.contract.ResourceServerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

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
    String serviceToken = Tokens.serviceToken(RealDependencies.keycloak(), client);

    HttpResponse<String> response = get(partnerPath(), serviceToken);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("urn:amicus:problem:unauthenticated");
    assertThat(get("/internal/changes", serviceToken).statusCode()).isEqualTo(401);
  }

  /**
   * The API reference and the descriptions it reads are for coalition members: without a session or
   * token the descriptions are a 401 problem; with one they are relayed to the service.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cases", "workflow", "search"})
  void theApiReferenceNeedsSignIn(String service) {
    String partner = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    HttpResponse<String> anonymous = get("/api/docs/" + service, null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:amicus:problem:unauthenticated");
    assertThat(get("/api/docs/" + service, partner).statusCode()).isNotIn(401, 403, 404);
    assertThat(get("/api-reference/index.html", null).statusCode()).isNotEqualTo(200);
    assertThat(get("/api-reference/index.html", partner).body()).contains("API reference");
  }

  /** The Actuator is on the management port; the contract's checks read it there. */
  @Test
  @Override
  public void healthMetricsAndTheApiDescriptionAreOpen() {
    assertThat(management("/actuator/health/readiness").body()).contains("UP");
    assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(management("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    assertThat(get("/v3/api-docs", null).body()).contains(documentedPath());
  }

  @Test
  @Override
  public void everyResponseCarriesACorrelationId() {
    assertThat(get("/api/cases", null).headers().firstValue("X-Correlation-Id"))
        .hasValueSatisfying(id -> assertThat(id).isNotBlank());
  }

  /** Health, info and metrics are never served on the public port, to anyone. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/actuator",
        "/actuator/health",
        "/actuator/health/readiness",
        "/actuator/info",
        "/actuator/prometheus",
        "/actuator/env"
      })
  void theActuatorIsNotOnThePublicPort(String path) {
    if (partner == null) { // one sign-in for all paths: a burst of logins is not under test here
      partner = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    }

    assertThat(get(path, null).statusCode()).isEqualTo(404);
    assertThat(get(path, partner).statusCode()).isEqualTo(404);
  }

  private static String partner;

  @Test
  void theManagementPortServesHealthAndNothingElseOfTheApplication() {
    assertThat(management("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(management("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(management("/api/cases").statusCode()).as("no routes there").isIn(401, 404);
  }

  private HttpResponse<String> management(String path) {
    return withBase("http://127.0.0.1:" + managementPort).get(path, null);
  }

  private static ResourceServerContract withBase(String base) {
    return new ResourceServerContract() {
      @Override
      public String baseUrl() {
        return base;
      }

      @Override
      public String partnerPath() {
        return "/";
      }

      @Override
      public String forbiddenForPartnerPath() {
        return "/";
      }

      @Override
      public String documentedPath() {
        return "";
      }
    };
  }
}
