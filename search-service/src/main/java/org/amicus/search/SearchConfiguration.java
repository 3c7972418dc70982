package org.amicus.search;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.instrumentation.OpenTelemetryForElasticsearch;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Boot's transport, with the client's own spans on the application's OpenTelemetry (the client
   * would otherwise look for a global one, which Boot does not set). Request bodies stay out: a
   * search body holds the words searched for.
   */
  @Bean
  RestClientTransport restClientTransport(
      RestClient restClient,
      JsonpMapper mapper,
      ObjectProvider<RestClientOptions> options,
      ObjectProvider<OpenTelemetry> openTelemetry) {
    return new RestClientTransport(
        restClient,
        mapper,
        options.getIfAvailable(),
        new OpenTelemetryForElasticsearch(
            openTelemetry.getIfAvailable(OpenTelemetry::noop), false));
  }
}
