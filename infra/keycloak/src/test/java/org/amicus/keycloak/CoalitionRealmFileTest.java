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

  private static JsonNode read(String file) throws Exception {
    try (InputStream in = CoalitionRealmFileTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return JSON.readTree(in);
    }
  }
}
