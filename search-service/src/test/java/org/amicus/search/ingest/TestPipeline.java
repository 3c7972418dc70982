package org.amicus.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.search.TestElasticsearch;
import org.amicus.testkit.RealDependencies;
import org.springframework.web.client.RestClient;

/**
 * One source's ingest wired by hand as {@link Ingest} wires it (feed over HTTP with the service
 * account's Keycloak token, state, lease, poller), the lease already taken.
 */
record TestPipeline(SourcePoller poller, IngestLease lease) {

  static TestPipeline of(String source, FeedStandIn feed, TestElasticsearch es, int batchSize) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    IngestProperties properties =
        new IngestProperties(
            true,
            Map.of(source, feed.url()),
            URI.create(keycloak.issuer() + "/protocol/openid-connect/token"),
            "search-indexer",
            keycloak.clientSecret("search-indexer"),
            batchSize,
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            Duration.ofSeconds(15));
    Clock clock = Clock.systemUTC();
    ServiceToken token = new ServiceToken(RestClient.builder(), properties, clock);
    FeedClient client = new FeedClient(source, feed.url(), RestClient.builder(), token);
    IngestState state = new IngestState(es.client, es.properties, clock);
    IngestLease lease = new IngestLease(es.client, state, es.properties, properties, clock);
    assertThat(lease.tick()).as("the only instance takes the lease").isTrue();
    SourcePoller poller =
        new SourcePoller(
            client, state, es.writer, es.index, lease, properties, new ReentrantLock(), clock);
    return new TestPipeline(poller, lease);
  }
}
