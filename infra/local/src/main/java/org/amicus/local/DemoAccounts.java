package org.amicus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo users of the local realm (module amicus-keycloak-realm), with their organisation and
 * role, read from the same files Keycloak imports so that the list printed is the list that works.
 */
final class DemoAccounts {

  private static final String REALM = "/org/amicus/keycloak/coalition-realm.json";
  private static final String USERS = "/org/amicus/keycloak/demo-users.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param organisation e.g. "Open Dialogue Foundation (odf)"
   * @param role the realm role that matters, e.g. "coordinator"
   */
  record Account(String username, String organisation, String role) {}

  private DemoAccounts() {}

  static List<Account> all() {
    JsonNode users = read(USERS);
    Map<String, String> organisations = new HashMap<>();
    read(REALM)
        .path("groups")
        .forEach(
            group -> {
              String name = group.path("name").asText();
              String description = group.path("description").asText(name);
              organisations.put("/" + name, description + " (" + name + ")");
            });
    List<Account> accounts = new ArrayList<>();
    for (JsonNode user : users) {
      List<String> roles = new ArrayList<>();
      user.path("realmRoles")
          .forEach(
              role -> {
                if (!role.asText().startsWith("default-roles-")) {
                  roles.add(role.asText());
                }
              });
      List<String> groups = new ArrayList<>();
      user.path("groups")
          .forEach(group -> groups.add(organisations.getOrDefault(group.asText(), group.asText())));
      accounts.add(
          new Account(
              user.path("username").asText(), String.join(", ", groups), String.join(", ", roles)));
    }
    return accounts;
  }

  static List<String> usernames() {
    return all().stream().map(Account::username).toList();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = DemoAccounts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the launcher's classpath (module amicus-keycloak-realm)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
