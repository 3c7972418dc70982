package org.amicus.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production realm file, which docker compose imports as it is. */
class CoalitionRealmFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hasNoPeopleOnlyServiceAccounts() throws Exception {
    JsonNode realm = read("coalition-realm.json");

    List<String> people = new ArrayList<>();
    realm
        .path("users")
        .forEach(
            user -> {
              if (!user.hasNonNull("serviceAccountClientId")) {
                people.add(user.path("username").asText());
              }
            });
    assertThat(people).isEmpty();
    realm.path("users").forEach(user -> assertThat(user.has("credentials")).isFalse());
  }

  @Test
  void noClientAllowsThePasswordGrant() throws Exception {
    JsonNode realm = read("coalition-realm.json");

    assertThat(realm.path("clients").size()).isPositive();
    realm
        .path("clients")
        .forEach(
            client ->
                assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as(client.path("clientId").asText())
                    .isFalse());
  }

  @Test
  void keepsKeycloaksBuiltInClientScopes() throws Exception {
    // A clientScopes block replaces the built-in scopes: tokens would lose sub and realm_access.
    assertThat(read("coalition-realm.json").has("clientScopes")).isFalse();
  }

  @Test
  void secretsArePlaceholdersResolvedFromTheEnvironment() throws Exception {
    read("coalition-realm.json")
        .path("clients")
        .forEach(
            client -> {
              if (client.has("secret")) {
                assertThat(client.path("secret").asText()).matches("\\$\\{AMICUS_[A-Z_]+}");
              }
            });
  }

  @Test
  void demoUsersCarryNoPasswordsAndAreMarkedAsDemo() throws Exception {
    JsonNode users = read("demo-users.json");

    assertThat(users.size()).isGreaterThanOrEqualTo(5);
    users.forEach(
        user -> {
          assertThat(user.has("credentials")).isFalse();
          assertThat(user.path("attributes").path("demo").get(0).asText()).isEqualTo("true");
          assertThat(user.path("realmRoles").toString()).contains("default-roles-coalition");
          assertThat(user.path("email").asText()).endsWith("@example.org");
        });
  }

  @Test
  void threeDemoCoordinatorsOfThreeOrganisationsLetEveryReviewPolicyFinishWhenOneOfThemWrote()
      throws Exception {
    // The strictest policy asks for two coordinator reviews by two people; an author never
    // reviews. So a coordinator's own submission needs two other coordinators.
    List<String> organisations = new ArrayList<>();
    read("demo-users.json")
        .forEach(
            user -> {
              if (user.path("realmRoles").toString().contains("\"coordinator\"")) {
                user.path("groups").forEach(group -> organisations.add(group.asText()));
              }
            });
    assertThat(organisations).hasSize(3).doesNotHaveDuplicates();
  }

  /**
   * Coordinators and admins must give an OTP: the bound browser flow has one conditional sub-flow
   * per role with "Condition - user role" and the OTP form. The testkit's local overlay switches
   * exactly these two sub-flows off by alias (CoalitionRealm.STAFF_OTP_FLOWS), so the aliases stay.
   */
  @Test
  void browserFlowRequiresOtpOfCoordinatorsAndAdmins() throws Exception {
    JsonNode realm = read("coalition-realm.json");
    String browserFlow = realm.path("browserFlow").asText();
    assertThat(flow(realm, browserFlow).toString()).contains("\"flowAlias\":\"staff OTP forms\"");

    JsonNode forms = flow(realm, "staff OTP forms").path("authenticationExecutions");
    for (String role : List.of("coordinator", "admin")) {
      String alias = role + " OTP";
      assertThat(forms)
          .filteredOn(execution -> execution.path("flowAlias").asText().equals(alias))
          .singleElement()
          .satisfies(
              execution ->
                  assertThat(execution.path("requirement").asText()).isEqualTo("CONDITIONAL"));
      List<String> steps = new ArrayList<>();
      List<String> configs = new ArrayList<>();
      flow(realm, alias)
          .path("authenticationExecutions")
          .forEach(
              execution -> {
                steps.add(execution.path("authenticator").asText());
                configs.add(execution.path("authenticatorConfig").asText());
                assertThat(execution.path("requirement").asText()).isEqualTo("REQUIRED");
              });
      assertThat(steps).startsWith("conditional-user-role").endsWith("auth-otp-form");
      assertThat(configs).contains("role " + role);
    }
    assertThat(realm.path("authenticatorConfig"))
        .anySatisfy(
            config -> {
              assertThat(config.path("alias").asText()).isEqualTo("role coordinator");
              assertThat(config.path("config").path("condUserRole").asText())
                  .isEqualTo("coordinator");
              assertThat(config.path("config").path("negate").asText()).isEqualTo("false");
            });
  }

  private static JsonNode flow(JsonNode realm, String alias) {
    for (JsonNode flow : realm.path("authenticationFlows")) {
      if (flow.path("alias").asText().equals(alias)) {
        return flow;
      }
    }
    throw new AssertionError("No authentication flow " + alias);
  }

  private static JsonNode read(String file) throws Exception {
    try (InputStream in = CoalitionRealmFileTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return JSON.readTree(in);
    }
  }
}
