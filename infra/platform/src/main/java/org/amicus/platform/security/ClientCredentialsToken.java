package org.amicus.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A service account's access token from Keycloak (client credentials), reused until shortly before
 * it expires, so a token never dies between two requests of one batch.
 */
public class ClientCredentialsToken {

  private final RestClient http;
  private final URI tokenUri;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  public ClientCredentialsToken(
      RestClient http, URI tokenUri, String clientId, String clientSecret, Clock clock) {
    this.http = http;
    this.tokenUri = tokenUri;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
  }

  /**
   * The current token, fetched again when it is near expiry or was forgotten.
   *
   * @throws IllegalStateException when Keycloak answers without a token
   * @throws org.springframework.web.client.RestClientException when Keycloak does not answer
   */
  public synchronized String get() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", "client_credentials");
      form.add("client_id", clientId);
      form.add("client_secret", clientSecret);
      JsonNode response =
          http.post()
              .uri(tokenUri)
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(JsonNode.class);
      if (response == null || !response.hasNonNull("access_token")) {
        throw new IllegalStateException("Keycloak issued no token for " + clientId);
      }
      token = response.get("access_token").asText();
      long lifetime = response.path("expires_in").asLong(60);
      renewAt = clock.instant().plusSeconds(Math.max(5, lifetime - 30));
    }
    return token;
  }

  /** Forgets the token, e.g. after a peer answered 401. */
  public synchronized void invalidate() {
    token = null;
  }
}
