package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may connect to whom, as the code calls (templates/networkpolicies.yaml lists the calls).
 * NetworkPolicy is L4: that /internal/** answers only the right service account is the
 * applications' own rule (gateway denies /internal/**, services authorise it by role), tested in
 * the services; here, which pods may open a connection at all.
 */
class NetworkPolicyTest {

  private static final List<Map<String, Object>> POLICIES =
      Chart.render("production", "NetworkPolicy");

  @Test
  void everyApplicationPodIsDeniedWhatNoPolicyAllows() {
    Map<String, Object> deny = policy("amicus-default-deny");

    assertThat(Yamls.map(Yamls.at(deny, "spec.podSelector.matchLabels")))
        .containsEntry("app.kubernetes.io/component", "application");
    assertThat(Yamls.list(Yamls.at(deny, "spec.policyTypes"))).containsExactly("Ingress");
    assertThat(Yamls.at(deny, "spec.ingress")).isNull();
    assertThat(PolicyTest.applications("production"))
        .allSatisfy(
            d ->
                assertThat(Yamls.map(Yamls.at(d, "spec.template.metadata.labels")))
                    .containsEntry("app.kubernetes.io/component", "application"));
  }

  @ParameterizedTest
  @CsvSource({
    "amicus-cases-service, 8081, gateway search-service workflow-service",
    "amicus-workflow-service, 8082, gateway search-service",
    "amicus-search-service, 8083, gateway workflow-service",
    "amicus-valkey, 6379, gateway"
  })
  void aServiceAcceptsItsCallersAndNoOneElse(String policy, int port, String callers) {
    List<Object> rules = Yamls.list(Yamls.at(policy(policy), "spec.ingress"));
    Object callRule = rules.get(0);

    assertThat(ports(callRule)).containsExactly(port);
    assertThat(Yamls.list(Yamls.at(callRule, "from")))
        .allSatisfy(peer -> assertThat(Yamls.map(peer)).containsOnlyKeys("podSelector"))
        .extracting(
            peer ->
                Yamls.map(Yamls.at(peer, "podSelector.matchLabels")).get("app.kubernetes.io/name"))
        .containsExactlyInAnyOrder((Object[]) callers.split(" "));
  }

  @Test
  void theIndexIsReadBySearchServiceAndTheDatabaseByItsOwnersOnly() {
    Object index = Yamls.list(Yamls.at(policy("amicus-search"), "spec.ingress")).get(0);
    Object database = Yamls.list(Yamls.at(policy("amicus-postgres"), "spec.ingress")).get(0);

    assertThat(ports(index)).containsExactly(9200);
    assertThat(appsFrom(index)).containsExactly("search-service");
    assertThat(ports(database)).containsExactly(5432);
    assertThat(appsFrom(database)).containsExactlyInAnyOrder("cases-service", "workflow-service");
    assertThat(Yamls.list(Yamls.at(database, "from")))
        .anySatisfy(
            peer ->
                assertThat(Yamls.at(peer, "podSelector.matchLabels.app")).isEqualTo("keycloak"));
  }

  @Test
  void theGatewayIsReachedFromTheIngressControllerAndKeycloaksBackChannelOnly() {
    Object publicRule = Yamls.list(Yamls.at(policy("amicus-gateway"), "spec.ingress")).get(0);
    List<Object> peers = Yamls.list(Yamls.at(publicRule, "from"));

    assertThat(ports(publicRule)).containsExactly(8080);
    assertThat(peers).hasSize(2);
    assertThat(Yamls.at(peers.get(0), "namespaceSelector.matchLabels"))
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(Yamls.at(peers.get(1), "podSelector.matchLabels.app")).isEqualTo("keycloak");
  }

  @Test
  void monitoringReachesTheManagementPortAndNothingElse() {
    List<Object> monitoringRules =
        POLICIES.stream()
            .flatMap(p -> Yamls.list(Yamls.at(p, "spec.ingress")).stream())
            .filter(rule -> fromNamespace(rule).contains("monitoring"))
            .toList();

    assertThat(monitoringRules).hasSize(4);
    assertThat(monitoringRules).allSatisfy(rule -> assertThat(ports(rule)).containsExactly(8090));
    assertThat(Chart.render("production", "ServiceMonitor"))
        .hasSize(4)
        .allSatisfy(
            monitor ->
                assertThat(Yamls.list(Yamls.at(monitor, "spec.endpoints")))
                    .extracting(e -> Yamls.at(e, "port"))
                    .containsExactly("management"));
  }

  @Test
  void theManagementPortIsOpenToMonitoringOnly() {
    assertThat(POLICIES)
        .flatExtracting(p -> Yamls.list(Yamls.at(p, "spec.ingress")))
        .filteredOn(rule -> ports(rule).contains(8090))
        .allSatisfy(rule -> assertThat(fromNamespace(rule)).containsExactly("monitoring"));
  }

  private static Map<String, Object> policy(String name) {
    return POLICIES.stream()
        .filter(p -> name.equals(Yamls.at(p, "metadata.name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy " + name));
  }

  private static Set<Object> appsFrom(Object rule) {
    return Yamls.list(Yamls.at(rule, "from")).stream()
        .map(peer -> Yamls.at(peer, "podSelector.matchLabels"))
        .filter(Objects::nonNull)
        .map(labels -> Yamls.map(labels).get("app.kubernetes.io/name"))
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static Set<Integer> ports(Object rule) {
    return Yamls.list(Yamls.at(rule, "ports")).stream()
        .map(port -> (Integer) Yamls.at(port, "port"))
        .collect(Collectors.toSet());
  }

  private static Set<String> fromNamespace(Object rule) {
    return Yamls.list(Yamls.at(rule, "from")).stream()
        .map(peer -> Yamls.at(peer, "namespaceSelector.matchLabels"))
        .filter(Objects::nonNull)
        .map(labels -> String.valueOf(Yamls.map(labels).get("kubernetes.io/metadata.name")))
        .collect(Collectors.toSet());
  }
}
