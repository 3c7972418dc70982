package org.amicus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code coalition} realm of {@code amicus-keycloak-realm} (the production file that docker
 * compose imports too) and the local overlay that tests and local runs add on top of it.
 *
 * <p>Secrets never enter the JSON: client secrets and demo passwords stay {@code ${VARIABLE}}
 * placeholders that Keycloak resolves from its environment when it imports the realm.
 */
final class CoalitionRealm {

  static final String NAME = "coalition";
  static final String CLI_CLIENT = KeycloakInfo.CLI_CLIENT;

  /** The realm's sub-flows that require OTP of partners, coordinators and admins. */
  static final List<String> STAFF_OTP_FLOWS =
      List.of("coordinator OTP", "admin OTP", "partner OTP");

  private static final String RESOURCES = "/org/amicus/keycloak/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CoalitionRealm() {}

  /** The realm exactly as production imports it. */
  static ObjectNode production() {
    return (ObjectNode) read("coalition-realm.json");
  }

  /** The local-only demo users, without credentials. */
  static ArrayNode demoUsers() {
    return (ArrayNode) read("demo-users.json");
  }

  static List<String> demoUsernames() {
    List<String> names = new ArrayList<>();
    demoUsers().forEach(user -> names.add(user.get("username").asText()));
    return names;
  }

  /** The environment variable holding a demo user's password, e.g. AMICUS_DEMO_PASSWORD_ANNA. */
  static String passwordVariable(String username) {
    return "AMICUS_DEMO_PASSWORD_" + username.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The production realm plus the demo users (each with a password credential read from {@link
   * #passwordVariable}), and it relaxes exactly this, for local demo use only: the password grant
   * on the scripts client, without its consent screen (the password grant cannot show one), and no
   * OTP for partners, coordinators and admins. Everything else (password policy, events, token
   * lifespans, back-channel logout) stays as production has it.
   */
  static ObjectNode local() {
    ObjectNode realm = production();
    ArrayNode users = realm.withArray("users");
    for (JsonNode demoUser : demoUsers()) {
      ObjectNode user = ((ObjectNode) demoUser).deepCopy();
      ObjectNode password = JSON.createObjectNode();
      password.put("type", "password");
      password.put("value", "${" + passwordVariable(user.get("username").asText()) + "}");
      password.put("temporary", false);
      user.putArray("credentials").add(password);
      users.add(user);
    }
    // Local demo mode: the demo users sign in without the OTP that production requires of every
    // staff role (infra/keycloak/README.md); the rest of the realm's browser flow stays.
    for (JsonNode flow : realm.withArray("authenticationFlows")) {
      for (JsonNode execution : flow.withArray("authenticationExecutions")) {
        if (STAFF_OTP_FLOWS.contains(execution.path("flowAlias").asText())) {
          ((ObjectNode) execution).put("requirement", "DISABLED");
        }
      }
    }
    for (JsonNode client : realm.withArray("clients")) {
      if (CLI_CLIENT.equals(client.path("clientId").asText())) {
        ((ObjectNode) client).put("directAccessGrantsEnabled", true);
        ((ObjectNode) client).put("consentRequired", false);
      }
    }
    return realm;
  }

  static byte[] toBytes(JsonNode realm) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(realm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(String file) {
    try (InputStream in = CoalitionRealm.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCES + file + " is not on the classpath (module amicus-keycloak-realm)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
