package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The dependencies run by their operators: CloudNativePG, ECK, the Keycloak Operator. Each resource
 * matches the fields its operator documents (OperatorSchemas), and holds what Amicus needs of it.
 */
class OperatorResourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> VALUES = Chart.VALUES_FILES;

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyOperatorResourceHasOnlyTheFieldsItsOperatorDocuments(String values) {
    List<Map<String, Object>> resources =
        Chart.render(values).stream()
            .filter(object -> OperatorSchemas.covers(KubernetesSchemaTest.type(object)))
            .toList();

    assertThat(resources).hasSizeGreaterThanOrEqualTo(5);
    assertThat(resources)
        .allSatisfy(
            object ->
                assertThat(OperatorSchemas.problems(KubernetesSchemaTest.type(object), object))
                    .as(Yamls.name(object))
                    .isEmpty());
  }

  @Test
  void aFieldTheOperatorDoesNotKnowIsRefused() {
    Map<String, Object> cluster =
        Map.of(
            "apiVersion",
            "postgresql.cnpg.io/v1",
            "kind",
            "Cluster",
            "metadata",
            Map.of("name", "x"),
            "spec",
            Map.of("instances", 3, "storage", Map.of("size", "1Gi"), "replicas", 3));

    assertThat(OperatorSchemas.problems("postgresql.cnpg.io/v1/Cluster", cluster))
        .anyMatch(problem -> problem.contains("replicas"));
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void postgresIsThreeInstancesWithTheDatabasesComposeCreates(String values) {
    Map<String, Object> cluster = Chart.render(values, "Cluster").get(0);

    assertThat(Yamls.at(cluster, "spec.instances")).isEqualTo(3);
    assertThat(Yamls.at(cluster, "spec.bootstrap.initdb.database")).isEqualTo("cases");
    assertThat(Chart.render(values, "Database"))
        .extracting(database -> Yamls.at(database, "spec.name"))
        .containsExactlyInAnyOrder("workflow", "keycloak");
  }

  @Test
  void productionBacksPostgresUpOnScheduleAndArchivesEveryWal() {
    Map<String, Object> cluster = Chart.render("production", "Cluster").get(0);

    assertThat(Yamls.at(cluster, "spec.backup.barmanObjectStore.destinationPath"))
        .isEqualTo("s3://coalition-backups/amicus");
    assertThat(Yamls.at(cluster, "spec.backup.retentionPolicy")).isEqualTo("90d");
    assertThat(Chart.render("production", "ScheduledBackup")).hasSize(1);
    assertThat(Chart.render("minimal", "ScheduledBackup")).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void elasticsearchIsThreeNodesWithSecurityLeftOn(String values) {
    Map<String, Object> elasticsearch = Chart.render(values, "Elasticsearch").get(0);
    Map<String, Object> nodeSet =
        Yamls.map(Yamls.list(Yamls.at(elasticsearch, "spec.nodeSets")).get(0));

    assertThat(nodeSet.get("count")).isEqualTo(3);
    // ECK always runs security; a config that turned it off would leave the index open.
    assertThat(Yamls.map(nodeSet.get("config"))).doesNotContainKey("xpack.security.enabled");
    assertThat(Yamls.at(elasticsearch, "spec.http.tls.selfSignedCertificate.disabled")).isNull();
  }

  @Test
  void tlsValuesGiveElasticsearchTheCoalitionsCertificate() {
    Map<String, Object> elasticsearch = Chart.render("tls", "Elasticsearch").get(0);

    assertThat(Yamls.at(elasticsearch, "spec.http.tls.certificate.secretName"))
        .isEqualTo("amicus-search-http-tls");
  }

  /**
   * Nothing lost between the JSON file and the resource: Helm's YAML keeps every field and number.
   */
  @Test
  void theImportedRealmIsTheRealmFileWithTheUrlsFilledIn() throws IOException {
    String file =
        Files.readString(Chart.directory().resolve("files/coalition-realm.json"))
            .replace(
                "${AMICUS_PUBLIC_URL:http://localhost:8080}", "https://amicus.coalition.example")
            .replace(
                "${AMICUS_GATEWAY_INTERNAL_URL:http://localhost:8080}",
                "http://amicus-gateway:8080");
    Object rendered =
        Yamls.at(Chart.render("production", "KeycloakRealmImport").get(0), "spec.realm");

    JsonNode imported = JSON.valueToTree(rendered);

    assertThat(imported).isEqualTo(JSON.readTree(file));
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void theRealmImportFillsTheUrlsAndLeavesTheSecretsToTheOperator(String values) {
    Map<String, Object> realmImport = Chart.render(values, "KeycloakRealmImport").get(0);
    String realm = String.valueOf(Yamls.at(realmImport, "spec.realm"));

    assertThat(Yamls.at(realmImport, "spec.realm.realm")).isEqualTo("coalition");
    assertThat(realm)
        .doesNotContain("AMICUS_PUBLIC_URL", "AMICUS_GATEWAY_INTERNAL_URL", "localhost")
        .contains("http://amicus-gateway:8080/logout/connect/back-channel/keycloak")
        .contains("${AMICUS_GATEWAY_CLIENT_SECRET}");
    assertThat(Yamls.map(Yamls.at(realmImport, "spec.placeholders")))
        .containsOnlyKeys(
            "AMICUS_GATEWAY_CLIENT_SECRET",
            "AMICUS_SEARCH_CLIENT_SECRET",
            "AMICUS_WORKFLOW_CLIENT_SECRET");
  }
}
