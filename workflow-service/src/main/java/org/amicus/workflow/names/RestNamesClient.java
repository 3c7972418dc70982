package org.amicus.workflow.names;

import java.util.Collection;
import java.util.List;
import org.amicus.workflow.account.ServiceAccount;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Asks search-service's name matcher with the workflow-service account's token. */
@Component
class RestNamesClient implements NamesClient {

  private final RestClient http;
  private final NamesProperties properties;
  private final ServiceAccount account;

  RestNamesClient(ServiceAccount account, NamesProperties properties) {
    this.http = account.http();
    this.properties = properties;
    this.account = account;
  }

  @Override
  public Matches matches(String organisation, Collection<Long> personIds, List<Text> texts) {
    Request request = new Request(organisation, List.copyOf(personIds), texts);
    Matches matches;
    try {
      matches =
          http.post()
              .uri(properties.url() + "/internal/names/matches")
              .headers(h -> h.setBearerAuth(token()))
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(request)
              .retrieve()
              .body(Matches.class);
    } catch (RestClientException e) {
      // The exception's own message may quote the answer; only the cause's type is kept.
      throw new Unavailable(
          "search-service did not match names (" + e.getClass().getName() + ")", null);
    }
    if (matches == null) {
      throw new Unavailable("search-service answered without a body", null);
    }
    return matches;
  }

  /** The service account's token; a refusal counts as search-service being unavailable. */
  private String token() {
    try {
      return account.token();
    } catch (IllegalStateException e) {
      throw new Unavailable(e.getMessage(), null);
    }
  }

  record Request(String organisation, List<Long> personIds, List<Text> texts) {}
}
