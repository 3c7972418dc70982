package org.amicus.search.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How search-service reads the change feeds.
 *
 * @param enabled false only in tests that feed the index themselves
 * @param sources source name to base URL, e.g. {@code cases -> http://localhost:8081}
 * @param tokenUri Keycloak's token endpoint for the service account
 * @param pollInterval the pause after a poll found nothing new
 * @param maxBackoff the longest pause after repeated errors (the pause doubles from pollInterval)
 */
@ConfigurationProperties("amicus.search.ingest")
public record IngestProperties(
    @DefaultValue("true") boolean enabled,
    Map<String, URI> sources,
    URI tokenUri,
    @DefaultValue("search-indexer") String clientId,
    @DefaultValue("change-me") String clientSecret,
    @DefaultValue("500") int batchSize,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("30s") Duration maxBackoff) {

  public IngestProperties {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }
}
