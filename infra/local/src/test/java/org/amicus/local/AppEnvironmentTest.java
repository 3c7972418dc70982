package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.amicus.local.AppEnvironment.Wiring;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;
import org.junit.jupiter.api.Test;

/** The variables each application's application.yml (and docker compose) relies on. */
class AppEnvironmentTest {

  private final LaunchOptions options = LaunchOptions.parse(List.of("--search-port", "9083"));
  private final Wiring wiring =
      new Wiring(
          new PostgresInfo("127.0.0.1", 5432, "amicus", "db-secret"),
          new KeycloakInfo(
              "http://127.0.0.1:8180",
              "coalition",
              Map.of(
                  "secret.gateway", "gw-secret",
                  "secret.search-indexer", "search-secret",
                  "secret.workflow-service", "wf-secret")),
          new ElasticsearchInfo("http://127.0.0.1:9200"),
          new SmtpInfo("127.0.0.1", 3025, 3143));

  @Test
  void casesServiceGetsItsOwnDatabaseTheIssuerAndTheDemoData() {
    assertThat(AppEnvironment.of(Part.CASES, options, wiring))
        .containsOnly(
            entry("SERVER_PORT", "8081"),
            entry("AMICUS_ISSUER_URI", "http://127.0.0.1:8180/realms/coalition"),
            entry("AMICUS_LOG_FORMAT", "ecs"),
            entry("AMICUS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/cases"),
            entry("AMICUS_DB_USER", "amicus"),
            entry("AMICUS_DB_PASSWORD", "db-secret"),
            entry("SPRING_PROFILES_ACTIVE", "demo"));
  }

  @Test
  void workflowServiceGetsMailCasesTheNameMatcherAndItsServiceAccount() {
    assertThat(AppEnvironment.of(Part.WORKFLOW, options, wiring))
        .contains(
            entry("SERVER_PORT", "8082"),
            entry("AMICUS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/workflow"),
            entry("AMICUS_SMTP_HOST", "127.0.0.1"),
            entry("AMICUS_SMTP_PORT", "3025"),
            entry("AMICUS_WORKFLOW_CLIENT_SECRET", "wf-secret"),
            entry("AMICUS_CASES_URL", "http://127.0.0.1:8081"),
            entry("AMICUS_SEARCH_URL", "http://127.0.0.1:9083"));
  }

  @Test
  void workflowServiceSealsDemoDataWithTheDemoKeyLikeCasesService() {
    assertThat(AppEnvironment.of(Part.WORKFLOW, options, wiring))
        .contains(entry("SPRING_PROFILES_ACTIVE", "demo"))
        .doesNotContainKey("AMICUS_ENCRYPTION_KEY");
  }

  @Test
  void searchServiceGetsElasticsearchAndTheFeedsItReads() {
    assertThat(AppEnvironment.of(Part.SEARCH, options, wiring))
        .containsOnly(
            entry("SERVER_PORT", "9083"),
            entry("AMICUS_ISSUER_URI", "http://127.0.0.1:8180/realms/coalition"),
            entry("AMICUS_LOG_FORMAT", "ecs"),
            entry("AMICUS_ELASTICSEARCH_URIS", "http://127.0.0.1:9200"),
            entry("AMICUS_SEARCH_CLIENT_SECRET", "search-secret"),
            entry("AMICUS_CASES_URL", "http://127.0.0.1:8081"),
            entry("AMICUS_WORKFLOW_URL", "http://127.0.0.1:8082"));
  }

  @Test
  void gatewayRoutesToTheServicesOnTheirChosenPorts() {
    assertThat(AppEnvironment.of(Part.GATEWAY, options, wiring))
        .contains(
            entry("SERVER_PORT", "8080"),
            entry("AMICUS_GATEWAY_CLIENT_SECRET", "gw-secret"),
            entry("AMICUS_PUBLIC_URL", "http://localhost:8080"),
            entry("AMICUS_MANAGEMENT_PORT", "8090"),
            entry("AMICUS_CASES_URL", "http://127.0.0.1:8081"),
            entry("AMICUS_WORKFLOW_URL", "http://127.0.0.1:8082"),
            entry("AMICUS_SEARCH_URL", "http://127.0.0.1:9083"))
        .doesNotContainKeys("AMICUS_DB_PASSWORD", "AMICUS_SEARCH_CLIENT_SECRET");
  }
}
