package org.amicus.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.amicus.platform.changefeed.Change;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.search.TestElasticsearch;
import org.junit.jupiter.api.Test;

/**
 * Many records with random owners and visibilities, many callers: no hit, no total and no facet
 * count reveals a record the caller may not open. The seed is in every failure message.
 */
class AccessLeakTest {

  private static final List<String> ORGS = List.of("odf", "fidu", "kisr", "outsider");
  private static final List<String> VISIBILITIES = List.of("ORGANISATION", "COALITION", "PUBLIC");
  private static final List<String> TYPES =
      List.of("case", "person", "recommendation", "submission");
  private static final List<String> COUNTRIES = List.of("KZ", "RU", "UA", "BY");
  private static final List<String> SURNAMES =
      List.of("Козловская", "Kozlovska", "Джакишев", "Jakishev", "Abishev", "Шевчук", "Bokayev");

  record Doc(String type, String id, String owner, String visibility, String country, int year) {}

  @Test
  void noHitAndNoFacetCountRevealsARecordTheCallerMayNotOpen() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (TestElasticsearch es = new TestElasticsearch()) {
      List<Doc> docs = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Doc doc =
            new Doc(
                pick(random, TYPES),
                "d" + i,
                pick(random, ORGS),
                pick(random, VISIBILITIES),
                pick(random, COUNTRIES),
                2015 + random.nextInt(6));
        docs.add(doc);
        changes.add(
            TestElasticsearch.upsert(
                i + 1,
                doc.type(),
                doc.id(),
                TestElasticsearch.doc(
                    "title", "Record " + i + " on detention",
                    "name", pick(random, SURNAMES),
                    "personNames", List.of(pick(random, SURNAMES)),
                    "status", "open",
                    "country", doc.country(),
                    "year", doc.year(),
                    "ownerOrg", doc.owner(),
                    "visibility", doc.visibility())));
      }
      assertThat(es.apply("cases", changes)).isEmpty();

      List<Caller> callers = new ArrayList<>();
      for (String org : ORGS) {
        callers.add(TestElasticsearch.partner(org));
        callers.add(TestElasticsearch.coordinator(org));
        callers.add(TestElasticsearch.admin(org));
      }
      callers.add(TestElasticsearch.partner(null));
      callers.add(TestElasticsearch.indexer());
      callers.add(new Caller("x", "x", Optional.of("odf"), Set.of()));
      callers.add(new Caller("y", "y", Optional.of("fidu"), Set.of(Role.CASE_READER)));

      List<String> queries = List.of("", "detention", "Kozlovska", "Jakishev", "Record 7");
      for (Caller caller : callers) {
        Set<String> allowed =
            docs.stream()
                .filter(d -> Acl.mayOpen(caller, d.owner(), d.visibility()))
                .map(d -> d.type() + ":" + d.id())
                .collect(Collectors.toSet());
        for (String q : queries) {
          Map<String, List<String>> filters =
              random.nextBoolean() ? Map.of() : Map.of("country", List.of(pick(random, COUNTRIES)));
          Set<String> seen = new HashSet<>();
          SearchPage first = null;
          List<Object> after = null;
          do {
            SearchPage page =
                es.queries.search(
                    caller,
                    new SearchRequest(q, filters, SearchRequest.Sort.RELEVANCE, 100, after));
            first = first == null ? page : first;
            page.hits().forEach(h -> seen.add(h.type() + ":" + h.id()));
            after = page.next() == null ? null : es.queries.decodeSearchAfter(page.next());
          } while (after != null);

          String context = "seed %d, caller %s, q '%s', %s".formatted(seed, caller, q, filters);
          assertThat(allowed).as(context).containsAll(seen);
          assertThat(first.total()).as(context).isEqualTo(seen.size());
          // every facet count is a count of records the caller found, never more
          Map<String, Doc> byKey = new HashMap<>();
          docs.forEach(d -> byKey.put(d.type() + ":" + d.id(), d));
          assertFacet(first, "type", seen, byKey, Doc::type, context);
          assertFacet(first, "country", seen, byKey, Doc::country, context);
          assertFacet(first, "organisation", seen, byKey, Doc::owner, context);
          assertFacet(first, "year", seen, byKey, d -> String.valueOf(d.year()), context);
          if (q.isEmpty() && filters.isEmpty()) {
            assertThat(seen).as(context).isEqualTo(allowed);
          }
        }
        for (String prefix : List.of("Koz", "Jak", "Dzh", "Sh")) {
          for (SearchQueries.Suggestion suggestion : es.queries.suggest(caller, prefix, 20)) {
            assertThat(allowed)
                .as("seed %d, caller %s, suggest '%s'", seed, caller, prefix)
                .contains(suggestion.type() + ":" + suggestion.id());
          }
        }
      }
    }
  }

  private static void assertFacet(
      SearchPage page,
      String facet,
      Set<String> seen,
      Map<String, Doc> byKey,
      java.util.function.Function<Doc, String> value,
      String context) {
    Map<String, Long> expected =
        seen.stream().map(byKey::get).collect(Collectors.groupingBy(value, Collectors.counting()));
    Map<String, Long> actual =
        page.facets().get(facet).stream()
            .collect(Collectors.toMap(SearchPage.FacetCount::value, SearchPage.FacetCount::count));
    assertThat(actual).as(context + ", facet " + facet).isEqualTo(expected);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
