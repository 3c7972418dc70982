package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tokens from the real Keycloak, a real PostgreSQL behind the service. */
class CasesServiceSecurityTest extends CasesIntegrationTest implements OpenApiContract {

  @Override
  public String serviceName() {
    return "cases-service";
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
