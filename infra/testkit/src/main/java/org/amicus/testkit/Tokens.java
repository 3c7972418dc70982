package org.amicus.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Access tokens from a running Keycloak's token endpoint for the tests: never forged. */
public final class Tokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokens() {}

  /** A demo user's access token (password grant on the local realm's scripts client). */
  public static String accessToken(KeycloakInfo keycloak, String username) {
    return token(
        keycloak,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            KeycloakInfo.CLI_CLIENT,
            "username",
            username,
            "password",
            keycloak.password(username),
            "scope",
            "openid"));
  }

  /** A service account's access token (client credentials). */
  public static String serviceToken(KeycloakInfo keycloak, String clientId) {
    return token(
        keycloak,
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            keycloak.clientSecret(clientId)));
  }

  private static String token(KeycloakInfo keycloak, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token (HTTP %d): %s"
                .formatted(response.statusCode(), response.body()));
      }
      JsonNode json = JSON.readTree(response.body());
      return json.get("access_token").asText();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not answer at " + keycloak.url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
    }
  }
}
