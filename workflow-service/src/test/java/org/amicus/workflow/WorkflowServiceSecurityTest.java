package org.amicus.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tokens from the real Keycloak, a real PostgreSQL behind the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test here
class WorkflowServiceSecurityTest implements OpenApiContract {

  @Override
  public String serviceName() {
    return "workflow-service";
  }

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    RealDependencies.postgres()
        .springProperties("workflow")
        .forEach((key, value) -> registry.add(key, () -> value));
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
    return "/api/submissions";
  }

  @Override
  public String forbiddenForPartnerPath() {
    return "/internal/changes";
  }

  @Override
  public String documentedPath() {
    return "/internal/changes";
  }

  @Test
  void theIndexerServiceAccountReadsTheChangeFeed() {
    String indexer = RealDependencies.keycloak().serviceToken("search-indexer");

    var response = get("/internal/changes?after=0&limit=10", indexer);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"changes\"");
  }

  @Test
  void anUnknownPathIsANotFoundProblemWithAStableType() {
    var response = get("/api/no-such-thing", RealDependencies.keycloak().accessToken("anna"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("urn:amicus:problem:not-found");
  }
}
