package org.amicus.workflow.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads cases-service's API with the workflow-service account's token. */
@Component
class RestCasesClient implements CasesClient {

  private final RestClient http;
  private final CasesProperties properties;
  private final Clock clock;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  RestCasesClient(RestClient.Builder builder, CasesProperties properties, Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.timeout());
    requests.setReadTimeout(properties.timeout());
    this.http = builder.requestFactory(requests).build();
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Optional<LinkedCase> findCase(long id) {
    return get("/api/cases/{id}", id, LinkedCase.class);
  }

  @Override
  public Optional<Person> findPerson(long id) {
    return get("/api/persons/{id}", id, Person.class);
  }

  private <T> Optional<T> get(String path, long id, Class<T> type) {
    try {
      return Optional.ofNullable(
          http.get()
              .uri(properties.url() + path, id)
              .headers(h -> h.setBearerAuth(token()))
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(type));
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
        return Optional.empty();
      }
      throw new Unavailable("cases-service refused " + path + " (" + e.getStatusCode() + ")", e);
    } catch (RestClientException e) {
      throw new Unavailable("cases-service did not answer " + path, e);
    }
  }

  /** A client-credentials token, reused until shortly before it expires. */
  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenExpires)) {
      return token;
    }
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    JsonNode answer =
        http.post()
            .uri(properties.tokenUri())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    if (answer == null || !answer.hasNonNull("access_token")) {
      throw new Unavailable("Keycloak issued no token for " + properties.clientId(), null);
    }
    token = answer.get("access_token").asText();
    long lifetime = answer.path("expires_in").asLong(60);
    tokenExpires = clock.instant().plusSeconds(Math.max(lifetime - 30, 5));
    return token;
  }
}
