package org.amicus.search.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The search-indexer service account's access token (client credentials), reused until near expiry.
 */
@Component
class ServiceToken {

  private final RestClient http;
  private final IngestProperties properties;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  ServiceToken(RestClient.Builder http, IngestProperties properties, Clock clock) {
    this.http = http.build();
    this.properties = properties;
    this.clock = clock;
  }

  synchronized String get() {
    if (token == null || clock.instant().isAfter(renewAt)) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", "client_credentials");
      form.add("client_id", properties.clientId());
      form.add("client_secret", properties.clientSecret());
      JsonNode response =
          http.post()
              .uri(properties.tokenUri())
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(JsonNode.class);
      if (response == null || !response.hasNonNull("access_token")) {
        throw new IllegalStateException("Keycloak answered without an access token");
      }
      token = response.get("access_token").asText();
      long lifetime = response.path("expires_in").asLong(60);
      // renew well before expiry, so a token never dies between two requests of one poll
      renewAt = clock.instant().plusSeconds(Math.max(5, lifetime - 30));
    }
    return token;
  }

  /** Forgets the token, e.g. after a source answered 401. */
  synchronized void invalidate() {
    token = null;
  }
}
