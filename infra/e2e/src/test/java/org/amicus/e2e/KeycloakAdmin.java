package org.amicus.e2e;

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
import org.amicus.testkit.KeycloakInfo;

/**
 * The one admin call the platform needs from the shared test Keycloak: its realm was imported for a
 * gateway at {@code http://localhost:8080}, and this run's gateway listens on a free port. (The
 * gateway's own tests make the same call; a shared home for it would be the testkit.)
 */
final class KeycloakAdmin {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeycloakInfo keycloak;

  private KeycloakAdmin(KeycloakInfo keycloak) {
    this.keycloak = keycloak;
  }

  static KeycloakAdmin of(KeycloakInfo keycloak) {
    return new KeycloakAdmin(keycloak);
  }

  /**
   * Adds the gateway at {@code baseUrl} to the {@code gateway} client's redirect, post-logout and
   * web-origin addresses. Only adds: other builds sharing this Keycloak keep theirs.
   */
  synchronized void allowGatewayAt(String baseUrl) {
    String token = adminToken();
    JsonNode client = send(token, "GET", "/clients?clientId=gateway", null).get(0);
    String pattern = baseUrl + "/*";
    ArrayNode redirects = (ArrayNode) client.get("redirectUris");
    for (JsonNode redirect : redirects) {
      if (redirect.asText().equals(pattern)) {
        return;
      }
    }
    redirects.add(pattern);
    ((ArrayNode) client.withArray("webOrigins")).add(baseUrl);
    ObjectNode attributes = (ObjectNode) client.get("attributes");
    String logout = attributes.path("post.logout.redirect.uris").asText("");
    attributes.put(
        "post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
    send(token, "PUT", "/clients/" + client.get("id").asText(), client.toString());
  }

  /**
   * Lifts a demo user's temporary brute-force lockout: other builds' wrong-password tests on the
   * shared Keycloak can lock anna or clara out for minutes, which is no fault of the platform.
   */
  synchronized void unlock(String username) {
    String token = adminToken();
    JsonNode users = send(token, "GET", "/users?exact=true&username=" + username, null);
    if (users.size() == 1) {
      send(
          token,
          "DELETE",
          "/attack-detection/brute-force/users/" + users.get(0).get("id").asText(),
          null);
    }
  }

  private JsonNode send(String token, String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloak.url() + "/admin/realms/" + keycloak.realm() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return call(request);
  }

  private String adminToken() {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(keycloak.state().get("admin.password"), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return call(request).get("access_token").asText();
  }

  private static JsonNode call(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            "Keycloak's admin API answered %d to %s"
                .formatted(response.statusCode(), request.uri().getPath()));
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak's admin API did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
