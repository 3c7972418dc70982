package org.amicus.workflow.account;

import java.time.Clock;
import org.amicus.platform.security.ClientCredentialsToken;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * workflow-service's own Keycloak service account, and the HTTP client its calls to the other
 * services share: one set of timeouts, and one token for cases-service and search-service alike.
 */
@Component
public class ServiceAccount {

  private final RestClient http;
  private final ClientCredentialsToken token;

  public ServiceAccount(
      RestClient.Builder builder, ServiceAccountProperties properties, Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.timeout());
    requests.setReadTimeout(properties.timeout());
    this.http = builder.requestFactory(requests).build();
    this.token =
        new ClientCredentialsToken(
            http, properties.tokenUri(), properties.clientId(), properties.clientSecret(), clock);
  }

  /** The client for calls to the other services, with the account's timeouts. */
  public RestClient http() {
    return http;
  }

  /**
   * The account's access token, fetched again when it is about to expire.
   *
   * @throws IllegalStateException when Keycloak refuses or cannot be reached
   */
  public String token() {
    return token.get();
  }
}
