package org.amicus.workflow.cases;

import java.util.Optional;
import java.util.function.Supplier;
import org.amicus.workflow.account.ServiceAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads cases-service's API: what a user links with that user's own token (cases-service decides
 * what they may read), the persons behind a linked case with the workflow-service account's token.
 */
@Component
class RestCasesClient implements CasesClient {

  private final RestClient http;
  private final CasesProperties properties;
  private final ServiceAccount account;

  RestCasesClient(ServiceAccount account, CasesProperties properties) {
    this.http = account.http();
    this.properties = properties;
    this.account = account;
  }

  @Override
  public Optional<LinkedCase> findCase(long id) {
    return get("/api/cases/{id}", id, LinkedCase.class, this::token, false);
  }

  @Override
  public Optional<Person> findPerson(long id) {
    return get("/api/persons/{id}", id, Person.class, this::token, false);
  }

  @Override
  public Optional<LinkedCase> findCaseAs(Jwt user, long id) {
    return get("/api/cases/{id}", id, LinkedCase.class, user::getTokenValue, true);
  }

  @Override
  public boolean canReadRecommendation(Jwt user, long id) {
    return get("/api/recommendations/{id}", id, Recommendation.class, user::getTokenValue, true)
        .isPresent();
  }

  /** Only that it answered: the recommendation's content is not needed here. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Recommendation(long id) {}

  /**
   * @param forbiddenIsAbsent a user's 403 means the same as 404 to them: not theirs to read
   */
  private <T> Optional<T> get(
      String path, long id, Class<T> type, Supplier<String> bearer, boolean forbiddenIsAbsent) {
    try {
      return Optional.ofNullable(
          http.get()
              .uri(properties.url() + path, id)
              .headers(h -> h.setBearerAuth(bearer.get()))
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(type));
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode() == HttpStatus.NOT_FOUND
          || (forbiddenIsAbsent && e.getStatusCode() == HttpStatus.FORBIDDEN)) {
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
      return account.token();
    } catch (IllegalStateException e) {
      throw new Unavailable(e.getMessage(), null);
    }
  }
}
