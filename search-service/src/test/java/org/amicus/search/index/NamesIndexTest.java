package org.amicus.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.amicus.search.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The names twin lives and dies with its generation, against the real Elasticsearch node. */
class NamesIndexTest {

  final TestElasticsearch es = new TestElasticsearch();

  @AfterEach
  void deleteIndices() throws IOException {
    es.close();
  }

  @Test
  void aPersonAndItsDeletionReachTheNamesIndexAndNothingElseDoes() throws IOException {
    es.apply(
        "cases",
        List.of(
            TestElasticsearch.upsert(
                1,
                "person",
                "7",
                Map.of(
                    "ownerOrg", "odf",
                    "visibility", "ORGANISATION",
                    "readers", List.of("partner@odf", "coordinator@odf"),
                    "names", List.of("M.D."),
                    "nameForms", List.of("Джакишев Мухтар"),
                    "pseudonym", "M.D.",
                    "contact", "+7 700")),
            TestElasticsearch.upsert(
                2,
                "case",
                "9",
                Map.of(
                    "title",
                    "A case",
                    "visibility",
                    "PUBLIC",
                    "readers",
                    List.of("partner@*", "coordinator@*")))));

    var stored = es.client.get(g -> g.index(es.index.namesAlias()).id("person:7"), JsonNode.class);
    assertThat(stored.found()).isTrue();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.source().path("readers").toString())
        .isEqualTo("[\"partner@odf\",\"coordinator@odf\"]");
    assertThat(stored.source().path("forms").toString()).contains("\"dzhakishev mukhtar\"");
    assertThat(stored.source().toString()).doesNotContain("+7 700").doesNotContain("M.D.");
    assertThat(count(es.index.namesAlias())).isEqualTo(1); // no case in the names index

    es.apply("cases", List.of(TestElasticsearch.delete(3, "person", "7")));

    assertThat(count(es.index.namesAlias())).isZero();
  }

  @Test
  void aRebuildSwapsTheNamesTwinWithItsGenerationAndDropsTheOldOne() throws IOException {
    String first = es.index.current().orElseThrow();
    assertThat(es.index.namesComplete()).isTrue();

    String next = es.index.createGeneration();
    es.index.swapTo(next);
    es.index.drop(first);

    assertThat(es.index.current()).contains(next);
    assertThat(es.client.indices().getAlias(g -> g.name(es.index.namesAlias())).result().keySet())
        .containsExactly(SearchIndex.namesOf(next));
    assertThat(es.client.indices().exists(e -> e.index(SearchIndex.namesOf(first))).value())
        .isFalse();
  }

  @Test
  void anIndexFromBeforeTheNamesIndexGetsOneMarkedIncompleteUntilARebuild() throws IOException {
    // as an older search-service left it: a generation behind the alias, no names twin
    String alias = es.properties.alias() + "-old";
    String old = alias + "-1";
    try (InputStream mapping =
        SearchIndex.class.getResourceAsStream("/elasticsearch/search-index.json")) {
      es.client.indices().create(c -> c.index(old).withJson(mapping));
    }
    es.client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(old).alias(alias))));
    SearchIndex index =
        new SearchIndex(
            es.client,
            new SearchIndexProperties(alias, alias + "-state", alias + "-dead-letters"),
            java.time.Clock.systemUTC());

    index.ensure();

    assertThat(index.namesComplete()).isFalse();
    String rebuilt = index.createGeneration();
    index.swapTo(rebuilt);
    assertThat(index.namesComplete()).isTrue();
  }

  private long count(String index) throws IOException {
    es.index.refresh(es.index.alias());
    return es.client.count(c -> c.index(index)).count();
  }
}
