package org.amicus.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.changefeed.Change;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndex;
import org.amicus.search.index.SearchIndexProperties;
import org.amicus.search.query.SearchQueries;
import org.amicus.testkit.RealDependencies;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The search components wired by hand against the real Elasticsearch node of the build, each test
 * class on its own alias so classes never see each other's documents.
 */
public final class TestElasticsearch implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  public final ElasticsearchClient client;
  public final SearchIndexProperties properties;
  public final SearchIndex index;
  public final IndexWriter writer;
  public final SearchQueries queries;

  public TestElasticsearch() {
    RestClient rest =
        RestClient.builder(HttpHost.create(RealDependencies.elasticsearch().url())).build();
    client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(JSON)));
    String alias = "test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    properties = new SearchIndexProperties(alias, alias + "-state", alias + "-dead-letters");
    index = new SearchIndex(client, properties, Clock.systemUTC());
    writer = new IndexWriter(client);
    queries = new SearchQueries(client, index, JSON);
    index.ensure();
  }

  /** Deletes every index this fixture made, so the shared node does not fill up across builds. */
  @Override
  public void close() throws IOException {
    deleteIndices(client, properties);
  }

  /** Deletes the generations, state and dead letters of {@code properties}' alias. */
  public static void deleteIndices(ElasticsearchClient client, SearchIndexProperties properties)
      throws IOException {
    List<String> names =
        List.copyOf(client.indices().get(g -> g.index(properties.alias() + "*")).result().keySet());
    if (!names.isEmpty()) {
      client.indices().delete(d -> d.index(names).ignoreUnavailable(true));
    }
  }

  /** Applies changes to the live index and makes them visible to searches. */
  public List<IndexWriter.Rejected> apply(String source, List<Change> changes) throws IOException {
    List<IndexWriter.Rejected> rejected = writer.apply(source, index.alias(), changes, false);
    index.refresh(index.alias());
    return rejected;
  }

  public static Change upsert(long seq, String type, String id, Map<String, ?> document) {
    ObjectNode node = JSON.valueToTree(document);
    return new Change(seq, type, id, Change.Operation.UPSERT, Instant.now(), node);
  }

  public static Change delete(long seq, String type, String id) {
    return new Change(seq, type, id, Change.Operation.DELETE, Instant.now(), null);
  }

  /** A document with any number of fields, in pairs: name, value, name, value... */
  public static Map<String, Object> doc(Object... pairs) {
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      doc.put((String) pairs[i], pairs[i + 1]);
    }
    return doc;
  }

  /**
   * The {@code readers} cases-service publishes with a record (its {@code Access.readers}): the
   * owner's partners and coordinators for an organisation's own record, every partner and
   * coordinator for a coalition or public one.
   */
  public static List<String> readers(String owner, String visibility) {
    return "ORGANISATION".equals(visibility)
        ? List.of("partner@" + owner, "coordinator@" + owner)
        : List.of("partner@*", "coordinator@*");
  }

  public static Caller partner(String organisation) {
    return new Caller(
        "sub-" + organisation,
        "p-" + organisation,
        java.util.Optional.ofNullable(organisation),
        Set.of(Role.PARTNER));
  }

  public static Caller coordinator(String organisation) {
    return new Caller(
        "c-" + organisation,
        "c-" + organisation,
        java.util.Optional.ofNullable(organisation),
        Set.of(Role.COORDINATOR));
  }

  public static Caller admin(String organisation) {
    return new Caller(
        "a-" + organisation,
        "a-" + organisation,
        java.util.Optional.ofNullable(organisation),
        Set.of(Role.ADMIN));
  }

  public static Caller indexer() {
    return new Caller(
        "svc", "service-account-search-indexer", java.util.Optional.empty(), Set.of(Role.INDEXER));
  }
}
