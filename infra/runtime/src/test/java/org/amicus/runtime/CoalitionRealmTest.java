package org.amicus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalitionRealmTest {

  @Test
  void localRealmAddsDemoUsersWithPasswordsFromTheEnvironment() {
    ObjectNode local = CoalitionRealm.local();

    JsonNode anna = user(local, "anna");
    JsonNode credential = anna.path("credentials").get(0);
    assertThat(credential.path("type").asText()).isEqualTo("password");
    assertThat(credential.path("value").asText()).isEqualTo("${AMICUS_DEMO_PASSWORD_ANNA}");
    assertThat(credential.path("temporary").asBoolean()).isFalse();
    assertThat(CoalitionRealm.demoUsernames())
        .contains("anna", "marco", "olena", "clara", "ivan", "zoe", "adam");
  }

  @Test
  void onlyTheLocalRealmAllowsThePasswordGrantAndOnlyForTheScriptsClient() {
    assertThat(clientsWithPasswordGrant(CoalitionRealm.production())).isEmpty();
    assertThat(clientsWithPasswordGrant(CoalitionRealm.local())).containsExactly("amicus-cli");
  }

  @Test
  void theOverlayRelaxesOnlyOtpAndTheScriptsClient() {
    ObjectNode production = CoalitionRealm.production();
    ObjectNode local = CoalitionRealm.local();

    for (String setting :
        List.of(
            "passwordPolicy",
            "accessTokenLifespan",
            "eventsEnabled",
            "adminEventsEnabled",
            "browserFlow")) {
      assertThat(local.get(setting)).as(setting).isEqualTo(production.get(setting));
    }
    assertThat(client(local, "gateway")).isEqualTo(client(production, "gateway"));
    assertThat(client(production, "amicus-cli").path("consentRequired").asBoolean()).isTrue();
    assertThat(client(local, "amicus-cli").path("consentRequired").asBoolean()).isFalse();
    for (JsonNode flow : local.path("authenticationFlows")) {
      for (JsonNode execution : flow.path("authenticationExecutions")) {
        if (execution.path("requirement").asText().equals("DISABLED")) {
          assertThat(CoalitionRealm.STAFF_OTP_FLOWS).contains(execution.path("flowAlias").asText());
        }
      }
    }
  }

  private static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (clientId.equals(client.path("clientId").asText())) {
        return client;
      }
    }
    return null;
  }

  @Test
  void productionRealmIsLeftUntouchedByTheOverlay() {
    CoalitionRealm.local();

    assertThat(user(CoalitionRealm.production(), "anna")).isNull();
  }

  private static JsonNode user(JsonNode realm, String username) {
    for (JsonNode user : realm.path("users")) {
      if (username.equals(user.path("username").asText())) {
        return user;
      }
    }
    return null;
  }

  private static List<String> clientsWithPasswordGrant(JsonNode realm) {
    List<String> clients = new ArrayList<>();
    realm
        .path("clients")
        .forEach(
            client -> {
              if (client.path("directAccessGrantsEnabled").asBoolean()) {
                clients.add(client.path("clientId").asText());
              }
            });
    return clients;
  }
}
