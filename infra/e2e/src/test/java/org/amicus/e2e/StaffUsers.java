package org.amicus.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.amicus.runtime.KeycloakInfo;

/**
 * Staff this run adds to the build's shared Keycloak beside the demo users, e.g. a coordinator of
 * an organisation the demo realm has none of. Names carry the run's id, so concurrent builds never
 * share one; {@link #deleteAll} removes them again. Tokens come from Keycloak's password grant on
 * the scripts' client, as the demo users' do.
 */
final class StaffUsers {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakInfo keycloak;
  private final String prefix;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  StaffUsers(KeycloakInfo keycloak, String prefix) {
    this.keycloak = keycloak;
    this.prefix = prefix;
  }

  /**
   * A new user of one realm role (partner, coordinator) in one organisation's group; returns the
   * username.
   */
  String create(String role, String organisation) {
    String username = prefix + "-" + role + "-" + organisation;
    String password = UUID.randomUUID().toString();
    String admin = adminToken();
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username);
    user.put("enabled", true);
    user.put("email", username + "@example.org");
    user.put("emailVerified", true);
    user.put("firstName", "Test");
    user.put("lastName", "Staff");
    user.putArray("groups").add("/" + organisation);
    user.putArray("requiredActions");
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", password);
    credential.put("temporary", false);
    HttpResponse<String> created = send(admin(admin, "/users").POST(body(user)), 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    ids.put(username, id);
    passwords.put(username, password);
    String realmRole = send(admin(admin, "/roles/" + role).GET(), 200).body();
    send(
        admin(admin, "/users/" + id + "/role-mappings/realm")
            .POST(HttpRequest.BodyPublishers.ofString("[" + realmRole + "]")),
        204);
    return username;
  }

  /** A fresh access token of a user made here. */
  String token(String username) {
    String body =
        form(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                KeycloakInfo.CLI_CLIENT,
                "username",
                username,
                "password",
                passwords.get(username),
                "scope",
                "openid"));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            200);
    return json(response.body()).get("access_token").asText();
  }

  /** Removes every user made here; best effort, the build's Keycloak ends with the build. */
  void deleteAll() {
    if (ids.isEmpty()) {
      return;
    }
    String admin = adminToken();
    for (String id : new ArrayList<>(ids.values())) {
      try {
        HTTP.send(
            admin(admin, "/users/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // left behind: the names are this run's own, nothing else uses them
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    ids.clear();
  }

  private String adminToken() {
    String body =
        form(
            Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", "admin",
                "password", keycloak.state().get("admin.password")));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            200);
    return json(response.body()).get("access_token").asText();
  }

  private HttpRequest.Builder admin(String token, String path) {
    return HttpRequest.newBuilder(
            URI.create(keycloak.url() + "/admin/realms/" + keycloak.realm() + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher body(JsonNode json) {
    return HttpRequest.BodyPublishers.ofString(json.toString());
  }

  /** The answer, which must have the expected status; the message never shows a password. */
  private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
    try {
      HttpRequest built = request.build();
      HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "Keycloak answered %d to %s %s: %s"
                .formatted(
                    response.statusCode(), built.method(), built.uri().getPath(), response.body()));
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak answered no JSON", e);
    }
  }
}
