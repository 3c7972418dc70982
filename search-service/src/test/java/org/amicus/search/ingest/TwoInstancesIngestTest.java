package org.amicus.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.search.SearchApplication;
import org.amicus.search.TestElasticsearch;
import org.amicus.search.index.SearchIndex;
import org.amicus.search.index.SearchIndexProperties;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of search-service on one index and one source: two application contexts in this
 * JVM, each with its own web server, Elasticsearch client, ingest threads and lease, against the
 * real Elasticsearch and Keycloak and a stand-in for cases-service's change feed (over HTTP, with
 * real service tokens). The work is what the feed hands out: every change read once over both
 * instances means no double work; the index equal to the source means nothing lost.
 *
 * <p>infra/e2e's {@code TwoSearchServicesTest} proves the same with two search-service processes on
 * the real platform. This one stays for what that one cannot see: the exact count of changes the
 * feed served over both instances (every change once; after a takeover at most the one batch the
 * stopped holder was applying again), which only a stand-in feed can count, and a lease left behind
 * by a crashed instance, which both must wait out before ingesting.
 */
class TwoInstancesIngestTest {

  private static final int BATCH = 5;
  private static final Duration LEASE = Duration.ofSeconds(3);

  private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private FeedStandIn cases;
  private FeedStandIn workflow;
  private String alias;
  private ElasticsearchClient elasticsearch;

  @BeforeEach
  void standIn() throws IOException {
    cases = new FeedStandIn(RealDependencies.keycloak().issuer());
    workflow = new FeedStandIn(RealDependencies.keycloak().issuer()); // stays empty
    alias = "multi-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    elasticsearch =
        new ElasticsearchClient(
            new RestClientTransport(
                RestClient.builder(HttpHost.create(RealDependencies.elasticsearch().url())).build(),
                new JacksonJsonpMapper(TestElasticsearch.JSON)));
  }

  @AfterEach
  void stopAll() throws IOException {
    instances.forEach(ConfigurableApplicationContext::close);
    cases.close();
    workflow.close();
    TestElasticsearch.deleteIndices(elasticsearch, properties(alias + "-state"));
  }

  @Test
  void oneInstanceIngestsAndRebuildsAndTheOtherTakesOverWhenItStopsMidIngest() throws Exception {
    // an instance that crashed earlier left its lease behind: both must wait the lease time out
    IngestState state =
        new IngestState(elasticsearch, properties(alias + "-state"), Clock.systemUTC());
    state.ensure();
    elasticsearch.index(
        i ->
            i.index(alias + "-state")
                .id("lease:ingest")
                .document(new IngestLease.Lease("crashed", Instant.now().toString())));
    int written = write(0, 200);

    ConfigurableApplicationContext a = start(alias + "-state");
    await()
        .during(LEASE.minusSeconds(1))
        .atMost(LEASE.plusSeconds(1))
        .until(() -> cases.served() == 0);
    ConfigurableApplicationContext b = start(alias + "-state");

    awaitIndexEqualsSource();
    assertThat(cases.served()).as("every change read once, by one instance").isEqualTo(written);
    ConfigurableApplicationContext holder = leads(a) ? a : b;
    ConfigurableApplicationContext standby = holder == a ? b : a;
    assertThat(leads(holder)).isTrue();
    assertThat(leads(standby)).isFalse();
    assertThat(leaseHolder()).isEqualTo(holder.getBean(IngestLease.class).holder());

    // a rebuild runs where the lease is; the other instance says so instead of rebuilding too
    String adam = Tokens.accessToken(RealDependencies.keycloak(), "adam");
    HttpResponse<String> refused = post(standby, "/api/search/admin/reindex", adam);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("ingest lease");
    assertThat(post(holder, "/api/search/admin/reindex", adam).statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "DONE".equals(reindex(holder, adam).path("state").asText()));
    assertThat(elasticsearch.indices().getAlias(g -> g.name(alias)).result()).hasSize(1);
    awaitIndexEqualsSource();

    // mid-ingest, the holder stops; the standby takes over and nothing is lost or read twice
    int before = cases.served();
    written += write(written, 300);
    int total = written;
    await().atMost(Duration.ofSeconds(20)).until(() -> cases.served() >= before + 50);
    assertThat(cases.served()).as("still ingesting when stopped").isLessThan(before + 300);
    holder.close();
    await().atMost(LEASE).until(() -> leads(standby));
    awaitIndexEqualsSource();
    assertThat(leaseHolder()).isEqualTo(standby.getBean(IngestLease.class).holder());
    // at most the batch the stopped instance was applying is read again
    assertThat(cases.served() - before).isBetween(300, 300 + BATCH);
    assertThat(total).isEqualTo(500);
  }

  @Test
  void withoutTheSharedStateBothInstancesReadEveryChange() throws Exception {
    // the variant that shows the measure works: each instance with a state index (so a lease and
    // checkpoints) of its own, as if the shared store were removed
    new SearchIndex(elasticsearch, properties(alias + "-state"), Clock.systemUTC()).ensure();
    int written = write(0, 100);

    ConfigurableApplicationContext a = start(alias + "-state");
    ConfigurableApplicationContext b = start(alias + "-state-b"); // deleted with alias*
    awaitIndexEqualsSource();
    await().atMost(Duration.ofSeconds(20)).until(() -> cases.served() >= 2 * written);
    assertThat(leads(a) && leads(b)).as("both think they ingest alone").isTrue();
  }

  /** Writes {@code count} changes to the source: mostly new records, some deleted again. */
  private int write(int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (i % 10 == 9) {
        cases.delete("case", "c-" + (i - 1));
      } else {
        cases.upsert(
            "case",
            "c-" + i,
            Map.of(
                "title",
                "Record " + i,
                "ownerOrg",
                "odf",
                "visibility",
                "COALITION",
                "readers",
                TestElasticsearch.readers("odf", "COALITION"),
                "country",
                "KZ"));
      }
    }
    return count;
  }

  private ConfigurableApplicationContext start(String stateIndex) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    Map<String, String> settings = new HashMap<>(SpringProperties.of(keycloak));
    settings.put("spring.elasticsearch.uris", RealDependencies.elasticsearch().url());
    settings.put("server.port", "0");
    settings.put("amicus.search.index.alias", alias);
    settings.put("amicus.search.index.state-index", stateIndex);
    settings.put("amicus.search.index.dead-letter-index", alias + "-dead-letters");
    settings.put("amicus.search.ingest.sources.cases", cases.url().toString());
    settings.put("amicus.search.ingest.sources.workflow", workflow.url().toString());
    settings.put(
        "amicus.search.ingest.token-uri", keycloak.issuer() + "/protocol/openid-connect/token");
    settings.put("amicus.search.ingest.client-secret", keycloak.clientSecret("search-indexer"));
    settings.put("amicus.search.ingest.batch-size", Integer.toString(BATCH));
    settings.put("amicus.search.ingest.poll-interval", "100ms");
    settings.put("amicus.search.ingest.max-backoff", "1s");
    settings.put("amicus.search.ingest.lease-time", LEASE.toMillis() + "ms");
    // as command-line arguments, which outrank application.yml (default properties do not)
    String[] arguments =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SearchApplication.class).run(arguments);
    instances.add(context);
    return context;
  }

  private static boolean leads(ConfigurableApplicationContext instance) {
    return instance.isActive() && instance.getBean(Ingest.class).leads();
  }

  private String leaseHolder() throws IOException {
    GetResponse<IngestLease.Lease> lease =
        elasticsearch.get(
            g -> g.index(alias + "-state").id("lease:ingest"), IngestLease.Lease.class);
    return lease.source().holder();
  }

  private SearchIndexProperties properties(String stateIndex) {
    return new SearchIndexProperties(alias, stateIndex, alias + "-dead-letters");
  }

  private void awaitIndexEqualsSource() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(ElasticsearchException.class) // the index is not there yet
        .untilAsserted(() -> assertThat(indexed()).isEqualTo(cases.state()));
  }

  private Map<String, String> indexed() throws IOException {
    Map<String, String> indexed = new TreeMap<>();
    elasticsearch.indices().refresh(r -> r.index(alias));
    elasticsearch
        .search(s -> s.index(alias).size(10_000), ObjectNode.class)
        .hits()
        .hits()
        .forEach(h -> indexed.put(h.id(), h.source().path("title").asText()));
    return indexed;
  }

  private JsonNode reindex(ConfigurableApplicationContext instance, String token)
      throws IOException, InterruptedException {
    return TestElasticsearch.JSON.readTree(
        send(instance, "GET", "/api/search/admin/reindex", token).body());
  }

  private HttpResponse<String> post(
      ConfigurableApplicationContext instance, String path, String token)
      throws IOException, InterruptedException {
    return send(instance, "POST", path, token);
  }

  private HttpResponse<String> send(
      ConfigurableApplicationContext instance, String method, String path, String token)
      throws IOException, InterruptedException {
    int port = ((ServletWebServerApplicationContext) instance).getWebServer().getPort();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
