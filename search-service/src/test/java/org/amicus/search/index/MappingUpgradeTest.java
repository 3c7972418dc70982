package org.amicus.search.index;

import static org.amicus.search.TestElasticsearch.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.amicus.search.TestElasticsearch;
import org.amicus.search.query.SearchPage;
import org.amicus.search.query.SearchQueries;
import org.amicus.search.query.SearchRequest;
import org.junit.jupiter.api.Test;

/**
 * An existing deployment upgrades to a mapping with {@code readers}: the generation it has keeps
 * taking writes, its records without readers are found by nobody, and it reports itself outdated
 * until a rebuild has filled a generation of the new version.
 */
class MappingUpgradeTest {

  /** The mapping as it was before version 2: no version, no readers. */
  private static InputStream versionOneMapping() throws IOException {
    ObjectNode definition;
    try (InputStream current =
        SearchIndex.class.getResourceAsStream("/elasticsearch/search-index.json")) {
      definition = (ObjectNode) TestElasticsearch.JSON.readTree(current);
    }
    ObjectNode mappings = (ObjectNode) definition.get("mappings");
    mappings.remove("_meta");
    ((ObjectNode) mappings.get("properties")).remove("readers");
    return new ByteArrayInputStream(TestElasticsearch.JSON.writeValueAsBytes(definition));
  }

  @Test
  void anIndexOfTheOldMappingTakesWritesHidesItsOldRecordsAndAsksForARebuild() throws IOException {
    try (TestElasticsearch es = new TestElasticsearch()) {
      String fresh = es.index.current().orElseThrow();
      String old = es.properties.alias() + "-v1";
      try (InputStream mapping = versionOneMapping()) {
        es.client.indices().create(c -> c.index(old).withJson(mapping));
      }
      es.client.index(
          i ->
              i.index(old)
                  .id("case:old")
                  .document(
                      Map.of(
                          "key", "case:old",
                          "type", "case",
                          "id", "old",
                          "title", "Detention recorded before the upgrade",
                          "visibility", "COALITION")));
      // as an older search-service left it: the alias on the old generation, no names twin
      es.index.drop(fresh);
      es.client
          .indices()
          .updateAliases(
              u -> u.actions(a -> a.add(x -> x.index(old).alias(es.properties.alias()))));

      // search-service starts again with the new mapping
      SearchIndex upgraded = new SearchIndex(es.client, es.properties, Clock.systemUTC());
      upgraded.ensure();

      assertThat(upgraded.outdated()).isTrue();
      assertThat(upgraded.namesComplete()).isFalse();
      assertThat(
              es.writer.apply(
                  "cases",
                  upgraded.alias(),
                  List.of(
                      upsert(
                          1,
                          "case",
                          "new",
                          Map.of(
                              "title",
                              "Detention recorded after the upgrade",
                              "visibility",
                              "COALITION",
                              "readers",
                              TestElasticsearch.readers("odf", "COALITION")))),
                  false))
          .isEmpty();
      upgraded.refresh(upgraded.alias());
      SearchQueries queries = new SearchQueries(es.client, upgraded, TestElasticsearch.JSON);
      SearchPage page =
          queries.search(
              TestElasticsearch.coordinator("odf"),
              new SearchRequest("detention", Map.of(), SearchRequest.Sort.RELEVANCE, 10, null));
      assertThat(page.hits()).extracting(SearchPage.Hit::id).containsExactly("new");
      List<Hit<ObjectNode>> all =
          es.client.search(s -> s.index(upgraded.alias()), ObjectNode.class).hits().hits();
      assertThat(all).hasSize(2);

      // what a rebuild does once it has filled the new generation
      String rebuilt = upgraded.createGeneration();
      upgraded.swapTo(rebuilt);
      upgraded.drop(old);
      assertThat(upgraded.outdated()).isFalse();
    }
  }
}
