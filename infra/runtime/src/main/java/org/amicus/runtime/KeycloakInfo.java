package org.amicus.runtime;

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

/**
 * A running Keycloak with the {@code coalition} realm imported, its demo users and generated client
 * secrets. Tokens come from Keycloak itself, never forged.
 */
public record KeycloakInfo(String url, String realm, Map<String, String> state) {

  /** The public client that scripts and tests use (password grant, local realm only). */
  public static final String CLI_CLIENT = "amicus-cli";

  /** The audience every Amicus service requires in access tokens. */
  public static final String AUDIENCE = "amicus-api";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** From the component's state, as {@link Supervisors#ensure} returns it. */
  public KeycloakInfo(Map<String, String> state) {
    this(state.get("url"), state.get("realm"), Map.copyOf(state));
  }

  public String issuer() {
    return url + "/realms/" + realm;
  }

  /**
   * The generated secret of a confidential client, e.g. {@code gateway} or {@code search-indexer}.
   */
  public String clientSecret(String clientId) {
    return require("secret." + clientId);
  }

  /** The generated password of a demo user, e.g. {@code anna}. */
  public String password(String username) {
    return require("password." + username);
  }

  /** An access token for a demo user, from Keycloak's token endpoint. */
  public String accessToken(String username) {
    return token(
        Map.of(
            "grant_type",
            "password",
            "client_id",
            CLI_CLIENT,
            "username",
            username,
            "password",
            password(username),
            "scope",
            "openid"));
  }

  /** An access token for a service account (client credentials). */
  public String serviceToken(String clientId) {
    return token(
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            clientId,
            "client_secret",
            clientSecret(clientId)));
  }

  private String token(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
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
      throw new IllegalStateException("Keycloak did not answer at " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
    }
  }

  private String require(String key) {
    String value = state.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Keycloak state has no " + key);
    }
    return value;
  }
}
