package org.amicus.gateway;

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
import org.amicus.testkit.KeycloakInfo;

/** The few admin REST calls the gateway's tests need, against the shared test Keycloak. */
final class KeycloakAdmin {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakInfo keycloak;

  KeycloakAdmin(KeycloakInfo keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * Lets the gateway under test (on a random port) use the {@code gateway} client: its redirect and
   * post-logout addresses. Only adds; other builds sharing this Keycloak keep theirs.
   */
  void allowGatewayAt(String baseUrl) {
    String token = adminToken();
    JsonNode client = clients(token, "gateway").get(0);
    ArrayNode redirects = (ArrayNode) client.get("redirectUris");
    String pattern = baseUrl + "/*";
    boolean known = false;
    for (JsonNode redirect : redirects) {
      known |= redirect.asText().equals(pattern);
    }
    if (!known) {
      redirects.add(pattern);
      ObjectNode attributes = (ObjectNode) client.get("attributes");
      String logout = attributes.path("post.logout.redirect.uris").asText("");
      attributes.put(
          "post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
      send(token, "PUT", "/clients/" + client.get("id").asText(), client.toString());
    }
  }

  /**
   * A public test client with the password grant; {@code audience} adds the amicus-api audience
   * mapper, {@code lifespanSeconds} shortens its access tokens. Created once, reused afterwards.
   */
  void testClient(String clientId, boolean audience, int lifespanSeconds) {
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
  String passwordToken(String clientId, String username) {
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

  /** The user's sessions in Keycloak (SSO sessions). */
  int sessionsOf(String username) {
    String token = adminToken();
    JsonNode users = json(request(admin(token, "/users?exact=true&username=" + username).GET()));
    String id = users.get(0).get("id").asText();
    return json(request(admin(token, "/users/" + id + "/sessions").GET())).size();
  }

  /** Creates a realm from its JSON representation (the admin API's import). */
  void createRealm(String realmJson) {
    String token = adminToken();
    request(
        HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(realmJson)));
  }

  void deleteRealm(String realm) {
    String token = adminToken();
    request(
        HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + realm))
            .header("Authorization", "Bearer " + token)
            .DELETE());
  }

  /** The aliases of a realm's top-level authentication flows. */
  java.util.List<String> flowAliases(String realm) {
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
