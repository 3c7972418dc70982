package org.amicus.search.ingest;

import java.net.URI;
import org.amicus.platform.changefeed.ChangeBatch;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** Reads one source's change feed with the service account's token. */
class FeedClient {

  private final String source;
  private final RestClient http;
  private final ServiceToken token;

  FeedClient(String source, URI baseUrl, RestClient.Builder http, ServiceToken token) {
    this.source = source;
    this.http = http.clone().baseUrl(baseUrl.toString()).build();
    this.token = token;
  }

  String source() {
    return source;
  }

  ChangeBatch changes(long after, int limit) {
    return get("/internal/changes?after={after}&limit={limit}", ChangeBatch.class, after, limit);
  }

  ChangeBatch snapshot(long after, int limit) {
    return get("/internal/snapshot?after={after}&limit={limit}", ChangeBatch.class, after, limit);
  }

  long head() {
    Long head = get("/internal/changes/head", Long.class);
    return head == null ? 0 : head;
  }

  private <T> T get(String uri, Class<T> type, Object... variables) {
    try {
      return http.get()
          .uri(uri, variables)
          .headers(h -> h.setBearerAuth(token.get()))
          .retrieve()
          .body(type);
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(401))) {
        token.invalidate();
      }
      throw e;
    }
  }
}
