package org.amicus.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.amicus.runtime.KeycloakInfo;

/**
 * The admin REST calls tests need against the shared test Keycloak: its realm was imported for a
 * gateway at {@code http://localhost:8080}, while a test's gateway listens on a free port.
 */
public final class KeycloakAdmin {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakInfo keycloak;

  public KeycloakAdmin(KeycloakInfo keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * Lets a gateway at {@code baseUrl} (a test's free port) use the {@code gateway} client: its
   * redirect, post-logout and web-origin addresses. Only adds, so other builds sharing this
   * Keycloak keep theirs; reads back and tries again when a concurrent update won.
   */
  public void allowGatewayAt(String baseUrl) {
    String pattern = baseUrl + "/*";
    for (int attempt = 0; attempt < 5; attempt++) {
      String token = adminToken();
      JsonNode client = clients(token, "gateway").get(0);
      if (contains(client.get("redirectUris"), pattern)) {
        return;
      }
      ((ArrayNode) client.get("redirectUris")).add(pattern);
      ArrayNode origins = client.withArray("webOrigins");
      if (!contains(origins, baseUrl)) {
        origins.add(baseUrl);
      }
      ObjectNode attributes = (ObjectNode) client.get("attributes");
      String logout = attributes.path("post.logout.redirect.uris").asText("");
      attributes.put(
          "post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
      send(token, "PUT", "/clients/" + client.get("id").asText(), client.toString());
    }
    throw new IllegalStateException("Keycloak kept refusing the gateway address " + pattern);
  }

  /**
   * Points the {@code gateway} client's OIDC back-channel logout at a gateway at {@code baseUrl}:
   * Keycloak then tells that gateway when a person's session ends. One address per client, so the
   * last test gateway to ask gets the notices.
   */
  public void backChannelLogoutTo(String baseUrl) {
    String token = adminToken();
    JsonNode client = clients(token, "gateway").get(0);
    ObjectNode attributes = (ObjectNode) client.get("attributes");
    attributes.put("backchannel.logout.url", baseUrl + "/logout/connect/back-channel/keycloak");
    attributes.put("backchannel.logout.session.required", "true");
    send(token, "PUT", "/clients/" + client.get("id").asText(), client.toString());
  }

  /**
   * Cuts a person off, as an admin does (docs/security.md): the admin API's "log out user" ends all
   * their Keycloak sessions, revokes their refresh tokens and tells every client with a
   * back-channel logout address, the gateway among them.
   */
  public void logOut(String username) {
    String token = adminToken();
    JsonNode users = json(request(admin(token, "/users?exact=true&username=" + username).GET()));
    String id = users.get(0).get("id").asText();
    request(admin(token, "/users/" + id + "/logout").POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static boolean contains(JsonNode values, String value) {
    for (JsonNode item : values) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A public test client with the password grant; {@code audience} adds the amicus-api audience
   * mapper, {@code lifespanSeconds} shortens its access tokens. Created once, reused afterwards.
   */
  public void testClient(String clientId, boolean audience, int lifespanSeconds) {
    String token = adminToken();
    if (clients(token, clientId).size() > 0) {
      return;
    }
    ObjectNode client = JSON.createObjectNode();
    client.put("clientId", clientId);
    client.put("publicClient", true);
    client.put("standardFlowEnabled", false);
    client.put("directAccessGrantsEnabled", true);
    client.putObject("attributes").put("access.token.lifespan", String.valueOf(lifespanSeconds));
    if (audience) {
      ObjectNode mapper = client.putArray("protocolMappers").addObject();
      mapper.put("name", "audience amicus-api");
      mapper.put("protocol", "openid-connect");
      mapper.put("protocolMapper", "oidc-audience-mapper");
      mapper
          .putObject("config")
          .put("included.custom.audience", KeycloakInfo.AUDIENCE)
          .put("access.token.claim", "true");
    }
    send(token, "POST", "/clients", client.toString());
  }

  /** A user's access token from one of the test clients. */
  public String passwordToken(String clientId, String username) {
    String body =
        form(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                clientId,
                "username",
                username,
                "password",
                keycloak.password(username),
                "scope",
                "openid"));
    JsonNode json =
        json(
            request(
                HttpRequest.newBuilder(
                        URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))));
    return json.get("access_token").asText();
  }

  /**
   * Lifts a demo user's temporary brute-force lockout: other builds' wrong-password tests on a
   * shared Keycloak can lock anna or clara out for minutes, which is no fault of the platform.
   */
  public void unlock(String username) {
    String token = adminToken();
    JsonNode users = json(request(admin(token, "/users?exact=true&username=" + username).GET()));
    if (users.size() == 1) {
      request(
          admin(token, "/attack-detection/brute-force/users/" + users.get(0).get("id").asText())
              .DELETE());
    }
  }

  /** The user's sessions in Keycloak (SSO sessions). */
  public int sessionsOf(String username) {
    String token = adminToken();
    JsonNode users = json(request(admin(token, "/users?exact=true&username=" + username).GET()));
    String id = users.get(0).get("id").asText();
    return json(request(admin(token, "/users/" + id + "/sessions").GET())).size();
  }

  /** Creates a realm from its JSON representation (the admin API's import). */
  public void createRealm(String realmJson) {
    String token = adminToken();
    request(
        HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(realmJson)));
  }

  public void deleteRealm(String realm) {
    String token = adminToken();
    request(
        HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + realm))
            .header("Authorization", "Bearer " + token)
            .DELETE());
  }

  /** The aliases of a realm's top-level authentication flows. */
  public java.util.List<String> flowAliases(String realm) {
    String token = adminToken();
    JsonNode flows =
        json(
            request(
                HttpRequest.newBuilder(
                        URI.create(
                            keycloak.url() + "/admin/realms/" + realm + "/authentication/flows"))
                    .header("Authorization", "Bearer " + token)
                    .GET()));
    java.util.List<String> aliases = new java.util.ArrayList<>();
    flows.forEach(flow -> aliases.add(flow.get("alias").asText()));
    return aliases;
  }

  private JsonNode clients(String token, String clientId) {
    return json(request(admin(token, "/clients?clientId=" + clientId).GET()));
  }

  private void send(String token, String method, String path, String body) {
    request(
        admin(token, path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder admin(String token, String path) {
    return HttpRequest.newBuilder(
            URI.create(keycloak.url() + "/admin/realms/" + keycloak.realm() + path))
        .header("Authorization", "Bearer " + token);
  }

  private String adminToken() {
    String body =
        form(
            Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", "admin",
                "password", keycloak.state().get("admin.password")));
    return json(request(
            HttpRequest.newBuilder(
                    URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))))
        .get("access_token")
        .asText();
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String request(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300 && response.statusCode() != 409) {
        throw new IllegalStateException(
            "Keycloak admin API answered %d: %s".formatted(response.statusCode(), response.body()));
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
