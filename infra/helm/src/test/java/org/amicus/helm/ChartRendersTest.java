package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** helm lint and helm template, as an admin would run them before installing. */
class ChartRendersTest {

  static final List<String> VALUES = Chart.VALUES_FILES;

  @Test
  void lintFindsNothingToFixEvenStrictly() {
    LintResult lint = Chart.lint();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]"));
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void rendersTheApplicationsAndTheirDependencies(String values) {
    List<String> kinds =
        Chart.render(values).stream().map(object -> (String) object.get("kind")).toList();

    assertThat(kinds)
        .contains(
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "Ingress",
            "Cluster",
            "Database",
            "Elasticsearch",
            "Keycloak",
            "KeycloakRealmImport");
    assertThat(Chart.render(values, "Deployment"))
        .extracting(Yamls::name)
        .containsExactlyInAnyOrder(
            "Deployment/amicus-gateway",
            "Deployment/amicus-cases-service",
            "Deployment/amicus-workflow-service",
            "Deployment/amicus-search-service",
            "Deployment/amicus-valkey");
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyObjectIsLabelledAsPartOfAmicus(String values) {
    assertThat(Chart.render(values))
        .allSatisfy(
            object ->
                assertThat(Yamls.map(Yamls.at(object, "metadata.labels")))
                    .as(Yamls.name(object))
                    .containsEntry("app.kubernetes.io/part-of", "amicus"));
  }
}
