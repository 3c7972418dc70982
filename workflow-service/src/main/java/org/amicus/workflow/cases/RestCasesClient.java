package org.amicus.workflow.cases;

import java.time.Clock;
import java.util.Optional;
import org.amicus.platform.security.ClientCredentialsToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads cases-service's API with the workflow-service account's token. */
@Component
class RestCasesClient implements CasesClient {

  private final RestClient http;
  private final CasesProperties properties;
  private final ClientCredentialsToken token;

  RestCasesClient(RestClient.Builder builder, CasesProperties properties, Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.timeout());
    requests.setReadTimeout(properties.timeout());
    this.http = builder.requestFactory(requests).build();
    this.properties = properties;
    this.token =
        new ClientCredentialsToken(
            http, properties.tokenUri(), properties.clientId(), properties.clientSecret(), clock);
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

  /** The service account's token; a refusal counts as cases-service being unavailable. */
  private String token() {
    try {
      return token.get();
    } catch (IllegalStateException e) {
      throw new Unavailable(e.getMessage(), null);
    }
  }
}
