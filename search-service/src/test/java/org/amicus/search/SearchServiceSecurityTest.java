package org.amicus.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.io.IOException;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.contract.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tokens from the real Keycloak, a real Elasticsearch node behind the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test here
class SearchServiceSecurityTest implements OpenApiContract {

  @Override
  public String serviceName() {
    return "search-service";
  }

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.elasticsearch())
        .forEach((key, value) -> registry.add(key, () -> value));
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ElasticsearchClient elasticsearch;

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String partnerPath() {
    return "/api/search?q=Dzhakishev";
  }

  @Override
  public String forbiddenForPartnerPath() {
    return "/internal/state";
  }

  @Override
  public String documentedPath() {
    return "\"openapi\"";
  }

  @Test
  void theConfiguredClientReachesTheElasticsearchNode() throws IOException {
    HealthStatus status = elasticsearch.cluster().health().status();

    assertThat(status).isIn(HealthStatus.Green, HealthStatus.Yellow);
  }
}
