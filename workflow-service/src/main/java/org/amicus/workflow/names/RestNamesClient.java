package org.amicus.workflow.names;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.amicus.platform.security.ClientCredentialsToken;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Asks search-service's name matcher with the workflow-service account's token. */
@Component
class RestNamesClient implements NamesClient {

  private final RestClient http;
  private final NamesProperties properties;
  private final ClientCredentialsToken token;

  RestNamesClient(RestClient.Builder builder, NamesProperties properties, Clock clock) {
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
      return token.get();
    } catch (IllegalStateException e) {
      throw new Unavailable(e.getMessage(), null);
    }
  }

  record Request(String organisation, List<Long> personIds, List<Text> texts) {}
}
