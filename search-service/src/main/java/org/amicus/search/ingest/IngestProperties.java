package org.amicus.search.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How search-service reads the change feeds.
 *
 * @param enabled false: this instance only answers queries and never ingests or rebuilds (a
 *     query-only instance beside the one that holds the ingest lease)
 * @param sources source name to base URL, e.g. {@code cases -> http://localhost:8081}
 * @param tokenUri Keycloak's token endpoint for the service account
 * @param pollInterval the pause after a poll found nothing new
 * @param maxBackoff the longest pause after repeated errors (the pause doubles from pollInterval)
 * @param leaseTime how long the ingest lease outlives its holder's last renewal: the longest ingest
 *     stands still after the holding instance dies (see {@link IngestLease})
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
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("15s") Duration leaseTime) {

  public IngestProperties {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }
}
