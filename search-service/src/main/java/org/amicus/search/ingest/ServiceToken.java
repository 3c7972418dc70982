package org.amicus.search.ingest;

import java.time.Clock;
import org.amicus.platform.security.ClientCredentialsToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The search-indexer service account's access token, shared by every feed poller. */
@Component
class ServiceToken {

  private final ClientCredentialsToken token;

  ServiceToken(RestClient.Builder http, IngestProperties properties, Clock clock) {
    this.token =
        new ClientCredentialsToken(
            http.build(),
            properties.tokenUri(),
            properties.clientId(),
            properties.clientSecret(),
            clock);
  }

  String get() {
    return token.get();
  }

  /** Forgets the token, e.g. after a source answered 401. */
  void invalidate() {
    token.invalidate();
  }
}
