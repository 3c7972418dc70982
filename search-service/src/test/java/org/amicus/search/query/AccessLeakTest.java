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
 * Many records with random owners, visibilities, co-signers and statuses, each carrying the {@code
 * readers} its owning service publishes; many callers: no hit, no total, no facet count and no
 * suggestion reveals a record the owner's rule (docs/access.md, written out below independently of
 * search's code) does not let the caller read. The seed is in every failure message.
 */
class AccessLeakTest {

  private static final List<String> ORGS = List.of("odf", "fidu", "kisr", "outsider");
  private static final List<String> VISIBILITIES = List.of("ORGANISATION", "COALITION", "PUBLIC");
  private static final List<String> STATUSES =
      List.of("DRAFT", "IN_REVIEW", "RETURNED", "AWAITING_SIGNATURES", "SENT", "REJECTED");
  private static final List<String> TYPES =
      List.of("case", "person", "recommendation", "submission");
  private static final List<String> COUNTRIES = List.of("KZ", "RU", "UA", "BY");
  private static final List<String> SURNAMES =
      List.of("Козловская", "Kozlovska", "Джакишев", "Jakishev", "Abishev", "Шевчук", "Bokayev");

  /**
   * One record as its owner sees it.
   *
   * @param visibility of a case or person; null for recommendations and submissions
   * @param coSigners and {@code status}: of a submission only
   */
  record Doc(
      String type,
      String id,
      String owner,
      String visibility,
      List<String> coSigners,
      String status,
      String country,
      int year) {

    /** Who the owning service lets read it: the rule in the domain's words. */
    boolean readableBy(Caller caller) {
      boolean staff = caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR);
      if (!staff) {
        return false;
      }
      return switch (type) {
        case "recommendation" -> true;
        case "submission" ->
            caller.memberOf(owner)
                || coSigners.stream().anyMatch(caller::memberOf)
                || (caller.has(Role.COORDINATOR) && !"DRAFT".equals(status));
        default -> caller.memberOf(owner) || !"ORGANISATION".equals(visibility);
      };
    }

    /**
     * The grants the owning service publishes, as cases-service and workflow-service build them.
     */
    List<String> readers() {
      return switch (type) {
        case "recommendation" -> List.of("partner@*", "coordinator@*");
        case "submission" -> {
          List<String> readers = new ArrayList<>();
          for (String org : organisations()) {
            readers.add("partner@" + org);
            readers.add("coordinator@" + org);
          }
          if (!"DRAFT".equals(status)) {
            readers.add("coordinator@*");
          }
          yield readers;
        }
        default -> TestElasticsearch.readers(owner, visibility);
      };
    }

    /** The organisation facet: the owner and co-signers; UPR recommendations have none. */
    List<String> organisations() {
      List<String> organisations = new ArrayList<>();
      if ("recommendation".equals(type)) {
        return organisations;
      }
      organisations.add(owner);
      organisations.addAll(coSigners);
      return organisations;
    }

    Map<String, Object> document(Random random, int i) {
      Map<String, Object> doc =
          TestElasticsearch.doc(
              "title",
              "Record " + i + " on detention",
              "names",
              List.of(pick(random, SURNAMES)),
              "personNames",
              List.of(pick(random, SURNAMES)),
              "text",
              "Detention of " + pick(random, SURNAMES),
              "country",
              country,
              "year",
              year,
              "readers",
              readers());
      if (!"recommendation".equals(type)) {
        doc.put("ownerOrg", owner);
      }
      if (visibility != null) {
        doc.put("visibility", visibility);
      }
      if ("submission".equals(type)) {
        // as workflow-service publishes it: COALITION once submitted, which search must ignore
        doc.put("visibility", "DRAFT".equals(status) ? "ORGANISATION" : "COALITION");
        doc.put("coSigners", coSigners);
        doc.put("status", status);
      } else {
        doc.put("status", "open");
      }
      return doc;
    }
  }

  private static Doc randomDoc(Random random, int i) {
    String type = pick(random, TYPES);
    String owner = pick(random, ORGS);
    List<String> coSigners = new ArrayList<>();
    String status = null;
    String visibility = null;
    if ("submission".equals(type)) {
      for (String org : ORGS) {
        if (!org.equals(owner) && random.nextInt(4) == 0) {
          coSigners.add(org);
        }
      }
      status = pick(random, STATUSES);
    } else if (!"recommendation".equals(type)) {
      visibility = pick(random, VISIBILITIES);
    }
    return new Doc(
        type,
        "d" + i,
        owner,
        visibility,
        coSigners,
        status,
        pick(random, COUNTRIES),
        2015 + random.nextInt(6));
  }

  private static List<Caller> everyKindOfCaller() {
    List<Caller> callers = new ArrayList<>();
    for (String org : ORGS) {
      callers.add(TestElasticsearch.partner(org));
      callers.add(TestElasticsearch.coordinator(org));
      callers.add(TestElasticsearch.admin(org));
    }
    callers.add(TestElasticsearch.partner(null));
    callers.add(TestElasticsearch.coordinator(null));
    callers.add(TestElasticsearch.indexer());
    callers.add(new Caller("x", "x", Optional.of("odf"), Set.of()));
    callers.add(new Caller("y", "y", Optional.of("fidu"), Set.of(Role.CASE_READER)));
    return callers;
  }

  @Test
  void noHitNoFacetCountAndNoSuggestionRevealsARecordTheOwnerWouldNotShow() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (TestElasticsearch es = new TestElasticsearch()) {
      List<Doc> docs = new ArrayList<>();
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Doc doc = randomDoc(random, i);
        docs.add(doc);
        changes.add(TestElasticsearch.upsert(i + 1, doc.type(), doc.id(), doc.document(random, i)));
      }
      assertThat(es.apply("cases", changes)).isEmpty();
      Map<String, Doc> byKey = new HashMap<>();
      docs.forEach(d -> byKey.put(d.type() + ":" + d.id(), d));

      List<String> queries = List.of("", "detention", "Kozlovska", "Jakishev", "Record 7");
      for (Caller caller : everyKindOfCaller()) {
        Set<String> allowed =
            docs.stream()
                .filter(d -> d.readableBy(caller))
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
          assertFacet(first, "type", seen, byKey, d -> List.of(d.type()), context);
          assertFacet(first, "country", seen, byKey, d -> List.of(d.country()), context);
          assertFacet(first, "organisation", seen, byKey, Doc::organisations, context);
          assertFacet(first, "year", seen, byKey, d -> List.of(String.valueOf(d.year())), context);
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

  @Test
  void aSubmissionInReviewIsFoundByCoordinatorsAndItsOrganisationsStaffOnly() throws IOException {
    try (TestElasticsearch es = new TestElasticsearch()) {
      Doc inReview =
          new Doc("submission", "s1", "odf", null, List.of("fidu"), "IN_REVIEW", "KZ", 2019);
      Doc draft = new Doc("submission", "s2", "odf", null, List.of("fidu"), "DRAFT", "KZ", 2019);
      Random random = new Random(1);
      assertThat(
              es.apply(
                  "workflow",
                  List.of(
                      TestElasticsearch.upsert(1, "submission", "s1", inReview.document(random, 1)),
                      TestElasticsearch.upsert(2, "submission", "s2", draft.document(random, 2)))))
          .isEmpty();

      for (Caller caller : everyKindOfCaller()) {
        Set<String> found = new HashSet<>();
        es.queries
            .search(
                caller,
                new SearchRequest("detention", Map.of(), SearchRequest.Sort.RELEVANCE, 10, null))
            .hits()
            .forEach(h -> found.add(h.id()));
        boolean staffOfItsOrganisations =
            (caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR))
                && (caller.memberOf("odf") || caller.memberOf("fidu"));
        boolean coordinator = caller.has(Role.COORDINATOR);
        assertThat(found.contains("s1"))
            .as("submission in review, caller %s", caller)
            .isEqualTo(staffOfItsOrganisations || coordinator);
        assertThat(found.contains("s2"))
            .as("draft, caller %s", caller)
            .isEqualTo(staffOfItsOrganisations);
      }
    }
  }

  private static void assertFacet(
      SearchPage page,
      String facet,
      Set<String> seen,
      Map<String, Doc> byKey,
      java.util.function.Function<Doc, List<String>> values,
      String context) {
    Map<String, Long> expected =
        seen.stream()
            .map(byKey::get)
            .flatMap(d -> values.apply(d).stream())
            .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    Map<String, Long> actual =
        page.facets().get(facet).stream()
            .collect(Collectors.toMap(SearchPage.FacetCount::value, SearchPage.FacetCount::count));
    assertThat(actual).as(context + ", facet " + facet).isEqualTo(expected);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
