package org.amicus.search.query;

import static org.amicus.search.TestElasticsearch.partner;
import static org.amicus.search.TestElasticsearch.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.amicus.platform.security.Caller;
import org.amicus.search.TestElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The article facet's titles come from records the caller may read, even when a record the caller
 * may not read charges the same article under another title and comes first in the index.
 */
class ArticleFacetTitleTest {

  static TestElasticsearch es;

  @BeforeAll
  static void index() throws IOException {
    es = new TestElasticsearch();
    assertThat(
            es.apply(
                "cases",
                List.of(
                    upsert(
                        1,
                        "case",
                        "fidu-own",
                        charging(
                            "fidu",
                            Map.of("code", "CC", "number", "400", "title", "Title fidu wrote"),
                            Map.of("code", "CC", "number", "174", "title", "Inciting discord"))),
                    upsert(
                        2,
                        "case",
                        "odf-own",
                        charging(
                            "odf",
                            Map.of("code", "CC", "number", "400", "title", "Mass unrest"),
                            Map.of("code", "CC", "number", "405", "title", "Banned group"))))))
        .isEmpty();
  }

  @AfterAll
  static void close() throws IOException {
    es.close();
  }

  private static Map<String, Object> charging(String owner, Map<?, ?>... articles) {
    return TestElasticsearch.doc(
        "reference",
        "KZ-2020-" + owner,
        "title",
        "Case of " + owner,
        "country",
        "KZ",
        "year",
        2020,
        "status",
        "open",
        "articles",
        List.of(articles),
        "ownerOrg",
        owner,
        "visibility",
        "ORGANISATION",
        "readers",
        TestElasticsearch.readers(owner, "ORGANISATION"));
  }

  private static List<SearchPage.FacetCount> articles(Caller caller, Map<String, List<String>> f)
      throws IOException {
    return es.queries
        .search(caller, new SearchRequest("", f, SearchRequest.Sort.RELEVANCE, 20, null))
        .facets()
        .get("article");
  }

  @Test
  void eachCallerSeesTheTitlesOfTheRecordsTheyMayRead() throws IOException {
    assertThat(articles(partner("odf"), Map.of()))
        .containsExactlyInAnyOrder(
            new SearchPage.FacetCount("Art. 400 CC KZ", 1, "Mass unrest"),
            new SearchPage.FacetCount("Art. 405 CC KZ", 1, "Banned group"));
    assertThat(articles(partner("fidu"), Map.of()))
        .containsExactlyInAnyOrder(
            new SearchPage.FacetCount("Art. 400 CC KZ", 1, "Title fidu wrote"),
            new SearchPage.FacetCount("Art. 174 CC KZ", 1, "Inciting discord"));
  }

  @Test
  void aFilteredSearchStillTitlesItsArticles() throws IOException {
    assertThat(articles(partner("odf"), Map.of("article", List.of("Art. 405 CC KZ"))))
        .containsExactlyInAnyOrder(
            new SearchPage.FacetCount("Art. 400 CC KZ", 1, "Mass unrest"),
            new SearchPage.FacetCount("Art. 405 CC KZ", 1, "Banned group"));
  }

  @Test
  void whoMayReadNothingGetsNoArticles() throws IOException {
    assertThat(articles(TestElasticsearch.admin("odf"), Map.of())).isEmpty();
  }
}
