package org.amicus.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
   * Every staff role must give an OTP (partners hold contact data too): the bound browser flow has
   * one conditional sub-flow per role with "Condition - user role" and the OTP form. The testkit's
   * local overlay switches exactly these sub-flows off by alias (CoalitionRealm.STAFF_OTP_FLOWS),
   * so the aliases stay.
   */
  @Test
  void browserFlowRequiresOtpOfPartnersCoordinatorsAndAdmins() throws Exception {
    JsonNode realm = read("coalition-realm.json");
    String browserFlow = realm.path("browserFlow").asText();
    assertThat(flow(realm, browserFlow).toString()).contains("\"flowAlias\":\"staff OTP forms\"");

    JsonNode forms = flow(realm, "staff OTP forms").path("authenticationExecutions");
    for (String role : List.of("coordinator", "admin", "partner")) {
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

  /** A phished password alone must not open Amicus: length, not the username, not a recent one. */
  @Test
  void passwordPolicyAsksForTwelveCharactersNotTheUsernameAndNoRecentPassword() throws Exception {
    String policy = read("coalition-realm.json").path("passwordPolicy").asText();

    Matcher length = Pattern.compile("length\\((\\d+)\\)").matcher(policy);
    assertThat(length.find()).as(policy).isTrue();
    assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
    assertThat(policy).contains("notUsername").containsPattern("passwordHistory\\(\\d+\\)");
  }

  /** Who signed in, failed or changed what in the realm is recorded (Keycloak's events). */
  @Test
  void loginAndAdminEventsAreRecorded() throws Exception {
    JsonNode realm = read("coalition-realm.json");

    assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
    assertThat(realm.path("eventsExpiration").asLong()).isPositive();
    assertThat(realm.path("adminEventsEnabled").asBoolean()).isTrue();
    // Representations may hold personal data (names, e-mail addresses): not kept in events.
    assertThat(realm.path("adminEventsDetailsEnabled").asBoolean()).isFalse();
  }

  /**
   * Tokens that outlive a sign-out are not handed out: the clients people use do not offer the
   * offline_access scope (Keycloak adds the offline_access role to the default roles at every
   * import, but without the scope no offline token is issued), and both scope lists are written out
   * because an omitted list would bring Keycloak's defaults back.
   */
  @Test
  void noClientOffersOfflineTokens() throws Exception {
    for (JsonNode client : read("coalition-realm.json").path("clients")) {
      String id = client.path("clientId").asText();
      if (client.path("serviceAccountsEnabled").asBoolean()) {
        continue;
      }
      assertThat(client.has("defaultClientScopes")).as(id).isTrue();
      assertThat(client.has("optionalClientScopes")).as(id).isTrue();
      assertThat(client.path("defaultClientScopes").toString()).as(id).contains("\"roles\"");
      assertThat(
              client.path("defaultClientScopes").toString() + client.path("optionalClientScopes"))
          .as(id)
          .doesNotContain("offline_access");
    }
  }

  /**
   * The device grant (codes typed on another device, phishable) only for the scripts client, and
   * with Keycloak's consent screen on, so whoever enters a phished code sees which client asks.
   */
  @Test
  void onlyTheScriptsClientHasTheDeviceGrantAndItShowsAConsentScreen() throws Exception {
    List<String> withDeviceGrant = new ArrayList<>();
    for (JsonNode client : read("coalition-realm.json").path("clients")) {
      if (client
          .path("attributes")
          .path("oauth2.device.authorization.grant.enabled")
          .asText()
          .equals("true")) {
        withDeviceGrant.add(client.path("clientId").asText());
        assertThat(client.path("consentRequired").asBoolean()).isTrue();
        assertThat(client.path("attributes").path("display.on.consent.screen").asText())
            .isEqualTo("true");
      }
    }
    assertThat(withDeviceGrant).containsExactly("amicus-cli");
  }

  /**
   * Cut someone off: access tokens live at most 5 minutes, and Keycloak tells the gateway over the
   * back channel when a session ends, naming the session (sid).
   */
  @Test
  void accessTokensLiveFiveMinutesAndTheGatewayHearsOfEveryLogout() throws Exception {
    JsonNode realm = read("coalition-realm.json");
    JsonNode gateway = null;
    for (JsonNode client : realm.path("clients")) {
      if (client.path("clientId").asText().equals("gateway")) {
        gateway = client;
      }
    }

    assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(1, 300);
    assertThat(gateway).isNotNull();
    assertThat(gateway.path("attributes").path("backchannel.logout.url").asText())
        .endsWith("/logout/connect/back-channel/keycloak");
    assertThat(gateway.path("attributes").path("backchannel.logout.session.required").asText())
        .isEqualTo("true");
  }

  /**
   * An Amicus admin must not become a partner: the realm grants nobody Keycloak's own admin roles
   * (realm-management, where impersonation lives); compose also switches the impersonation feature
   * off (ComposeWiringTest).
   */
  @Test
  void nobodyIsGivenKeycloaksAdminRolesOrImpersonation() throws Exception {
    String realm = read("coalition-realm.json").toString();

    assertThat(realm).doesNotContain("realm-management").doesNotContain("impersonation");
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
