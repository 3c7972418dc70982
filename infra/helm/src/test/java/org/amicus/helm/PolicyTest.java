package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What an admin relies on in every rendering of the chart, whatever the values. */
class PolicyTest {

  static final List<String> VALUES = Chart.VALUES_FILES;

  static final Set<String> APPS =
      Set.of("gateway", "cases-service", "workflow-service", "search-service");

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyContainerHasRequestsAndLimits(String values) {
    assertThat(containers(values))
        .allSatisfy(
            container -> {
              Object resources = container.get("resources");
              assertThat(Yamls.at(resources, "requests.cpu")).as(name(container)).isNotNull();
              assertThat(Yamls.at(resources, "requests.memory")).as(name(container)).isNotNull();
              assertThat(Yamls.at(resources, "limits.cpu")).as(name(container)).isNotNull();
              assertThat(Yamls.at(resources, "limits.memory")).as(name(container)).isNotNull();
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void nothingRunsAsRootOrWritesToItsImage(String values) {
    assertThat(Chart.render(values, "Deployment"))
        .allSatisfy(
            deployment -> {
              Object pod = Yamls.at(deployment, "spec.template.spec");
              assertThat(Yamls.at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
              assertThat((Integer) Yamls.at(pod, "securityContext.runAsUser")).isPositive();
              assertThat(Yamls.at(pod, "automountServiceAccountToken")).isEqualTo(false);
              for (Object container : Yamls.list(Yamls.at(pod, "containers"))) {
                assertThat(Yamls.at(container, "securityContext.readOnlyRootFilesystem"))
                    .isEqualTo(true);
                assertThat(Yamls.at(container, "securityContext.allowPrivilegeEscalation"))
                    .isEqualTo(false);
                assertThat(Yamls.list(Yamls.at(container, "securityContext.capabilities.drop")))
                    .containsExactly("ALL");
              }
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void theApplicationsWriteOnlyToAnEmptyDirAtTmp(String values) {
    assertThat(applications(values))
        .allSatisfy(
            deployment -> {
              Object pod = Yamls.at(deployment, "spec.template.spec");
              assertThat(Yamls.list(Yamls.at(pod, "volumes")))
                  .anySatisfy(
                      volume -> {
                        assertThat(Yamls.at(volume, "name")).isEqualTo("tmp");
                        assertThat(Yamls.at(volume, "emptyDir")).isNotNull();
                      });
              Object container = Yamls.list(Yamls.at(pod, "containers")).get(0);
              assertThat(Yamls.list(Yamls.at(container, "volumeMounts")))
                  .anySatisfy(mount -> assertThat(Yamls.at(mount, "mountPath")).isEqualTo("/tmp"));
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyApplicationIsProbedThroughActuatorOnItsManagementPort(String values) {
    assertThat(applications(values)).hasSize(4);
    assertThat(applications(values))
        .allSatisfy(
            deployment -> {
              Object container =
                  Yamls.list(Yamls.at(deployment, "spec.template.spec.containers")).get(0);
              assertThat(Yamls.list(Yamls.at(container, "ports")))
                  .anySatisfy(
                      port -> {
                        assertThat(Yamls.at(port, "name")).isEqualTo("management");
                        assertThat(Yamls.at(port, "containerPort")).isEqualTo(8090);
                      });
              assertThat(Yamls.at(container, "readinessProbe.httpGet.path"))
                  .isEqualTo("/actuator/health/readiness");
              assertThat(Yamls.at(container, "livenessProbe.httpGet.path"))
                  .isEqualTo("/actuator/health/liveness");
              assertThat(Yamls.at(container, "startupProbe.httpGet.path")).isNotNull();
              Stream.of("readinessProbe", "livenessProbe", "startupProbe")
                  .forEach(
                      probe ->
                          assertThat(Yamls.at(container, probe + ".httpGet.port"))
                              .isEqualTo("management"));
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyApplicationHasAnAutoscalerAndADisruptionBudget(String values) {
    List<String> deployments =
        applications(values).stream().map(d -> (String) Yamls.at(d, "metadata.name")).toList();

    assertThat(Chart.render(values, "HorizontalPodAutoscaler"))
        .extracting(hpa -> Yamls.at(hpa, "spec.scaleTargetRef.name"))
        .containsExactlyInAnyOrderElementsOf(deployments);
    assertThat(Chart.render(values, "PodDisruptionBudget"))
        .extracting(
            pdb ->
                Yamls.map(Yamls.at(pdb, "spec.selector.matchLabels")).get("app.kubernetes.io/name"))
        .containsExactlyInAnyOrderElementsOf(APPS);
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void onlyTheGatewayIsExposed(String values) {
    assertThat(Chart.render(values, "Service"))
        .allSatisfy(
            service ->
                assertThat(Yamls.at(service, "spec.type"))
                    .as(Yamls.name(service))
                    .isEqualTo("ClusterIP"));
    assertThat(Chart.render(values, "Ingress"))
        .flatExtracting(ingress -> Yamls.list(Yamls.at(ingress, "spec.rules")))
        .flatExtracting(rule -> Yamls.list(Yamls.at(rule, "http.paths")))
        .extracting(path -> Yamls.at(path, "backend.service.name"))
        .containsOnly("amicus-gateway");
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void secretsAreOnlyReferred(String values) {
    assertThat(Chart.render(values)).noneMatch(object -> "Secret".equals(object.get("kind")));
    assertThat(containers(values))
        .flatExtracting(container -> Yamls.list(container.get("env")))
        .filteredOn(
            env -> String.valueOf(Yamls.at(env, "name")).matches(".*(PASSWORD|SECRET|_KEY|_KEYS)$"))
        .isNotEmpty()
        .allSatisfy(
            env -> {
              assertThat(Yamls.map(env)).doesNotContainKey("value");
              assertThat(Yamls.at(env, "valueFrom.secretKeyRef.name")).isNotNull();
            });
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyImageIsPinnedToARelease(String values) {
    List<String> images = new ArrayList<>();
    containers(values).forEach(container -> images.add((String) container.get("image")));
    Chart.render(values, "Keycloak").forEach(k -> images.add((String) Yamls.at(k, "spec.image")));
    Chart.render(values, "Elasticsearch")
        .forEach(es -> images.add((String) Yamls.at(es, "spec.image")));
    Chart.render(values, "Cluster")
        .forEach(pg -> images.add((String) Yamls.at(pg, "spec.imageName")));

    assertThat(images)
        .hasSize(containers(values).size() + 3)
        .allSatisfy(
            image ->
                assertThat(image)
                    .matches(".+:[0-9][A-Za-z0-9._-]*(@sha256:[0-9a-f]{64})?")
                    .doesNotEndWith(":latest"));
  }

  /** The releases the local mode runs (parent pom; compose's VersionsInStepTest checks compose). */
  @ParameterizedTest
  @FieldSource("VALUES")
  void keycloakAndElasticsearchAreTheReleasesTheLocalModeRuns(String values) {
    String keycloak = System.getProperty("amicus.keycloak.version");
    String elasticsearch = System.getProperty("amicus.elasticsearch.version");

    assertThat(keycloak).isNotBlank();
    assertThat(elasticsearch).isNotBlank();
    assertThat(Yamls.at(Chart.render(values, "Keycloak").get(0), "spec.image"))
        .isEqualTo("quay.io/keycloak/keycloak:" + keycloak);
    assertThat(Yamls.at(Chart.render(values, "Elasticsearch").get(0), "spec.version"))
        .isEqualTo(elasticsearch);
  }

  /**
   * The gateway's autoscaler may run several pods: each must serve every signed-in browser and
   * count one bucket per user, so sessions and rate limits are kept in the chart's Valkey.
   */
  @ParameterizedTest
  @FieldSource("VALUES")
  void everyGatewayPodKeepsSessionsAndRateLimitsInValkey(String values) {
    Map<String, Object> gateway =
        applications(values).stream()
            .filter(d -> "gateway".equals(appName(d)))
            .findFirst()
            .orElseThrow();
    Object container = Yamls.list(Yamls.at(gateway, "spec.template.spec.containers")).get(0);
    Map<Object, Object> env = new java.util.HashMap<>();
    for (Object variable : Yamls.list(Yamls.at(container, "env"))) {
      env.put(Yamls.at(variable, "name"), Yamls.at(variable, "value"));
    }
    assertThat(env)
        .containsEntry("AMICUS_SESSION_STORE", "redis")
        .containsEntry("AMICUS_RATE_LIMIT_STORE", "redis")
        .containsKey("AMICUS_REDIS_PASSWORD");
    assertThat((String) env.get("AMICUS_REDIS_HOST")).endsWith("valkey");
  }

  static List<Map<String, Object>> applications(String values) {
    return Chart.render(values, "Deployment").stream()
        .filter(d -> APPS.contains(appName(d)))
        .toList();
  }

  @ParameterizedTest
  @FieldSource("VALUES")
  void everyApplicationTracesOnlyWhenAnEndpointIsSet(String values) {
    List<Object> endpoints =
        containers(values).stream()
            .flatMap(container -> Yamls.list(container.get("env")).stream())
            .filter(env -> "AMICUS_OTLP_ENDPOINT".equals(Yamls.at(env, "name")))
            .map(env -> Yamls.at(env, "value"))
            .toList();
    if ("production".equals(values)) {
      assertThat(endpoints)
          .hasSize(APPS.size())
          .containsOnly("http://otel-collector.monitoring:4318/v1/traces");
    } else {
      assertThat(endpoints).isEmpty();
    }
  }

  static List<Map<String, Object>> containers(String values) {
    return Chart.render(values, "Deployment").stream()
        .flatMap(d -> Yamls.list(Yamls.at(d, "spec.template.spec.containers")).stream())
        .map(Yamls::map)
        .toList();
  }

  private static String appName(Map<String, Object> object) {
    return (String) Yamls.map(Yamls.at(object, "metadata.labels")).get("app.kubernetes.io/name");
  }

  private static String name(Map<String, Object> container) {
    return String.valueOf(container.get("name"));
  }
}
