package org.amicus.search.names;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.amicus.search.index.SearchIndex;
import org.springframework.stereotype.Component;

/**
 * Answers which considered persons a set of texts names: those an organisation's partners or
 * coordinators may read, plus the persons asked for by id, whatever their readers. Reads only the
 * names index; the public search never does.
 */
@Component
public class NameMatches {

  private static final int PAGE = 1000;

  private final ElasticsearchClient client;
  private final SearchIndex index;

  NameMatches(ElasticsearchClient client, SearchIndex index) {
    this.client = client;
    this.index = index;
  }

  /**
   * @throws NamesNotReady when the names index does not yet hold every person (after an upgrade,
   *     until a rebuild): an answer from it could miss a name, so there is none
   */
  public NameMatcher.Result match(
      String organisation, Collection<Long> personIds, List<NameMatcher.Text> texts)
      throws IOException {
    try {
      if (!index.namesComplete()) {
        throw new NamesNotReady();
      }
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        throw new NamesNotReady(); // no names index yet: the ingest creates it on its next poll
      }
      throw e;
    }
    return NameMatcher.of(considered(organisation, personIds)).match(texts);
  }

  /** Every person the organisation may read, and {@code personIds}, with their folded forms. */
  List<NameMatcher.Person> considered(String organisation, Collection<Long> personIds)
      throws IOException {
    List<FieldValue> grants =
        List.of(
            FieldValue.of("partner@" + organisation),
            FieldValue.of("coordinator@" + organisation),
            FieldValue.of("partner@*"),
            FieldValue.of("coordinator@*"));
    List<FieldValue> ids = personIds.stream().map(id -> FieldValue.of(String.valueOf(id))).toList();
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.should(s -> s.terms(t -> t.field("readers").terms(v -> v.value(grants))));
                      if (!ids.isEmpty()) {
                        b.should(s -> s.terms(t -> t.field("id").terms(v -> v.value(ids))));
                      }
                      return b.minimumShouldMatch("1");
                    }));
    List<NameMatcher.Person> persons = new ArrayList<>();
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<JsonNode> page =
          client.search(
              s -> {
                s.index(index.namesAlias())
                    .query(query)
                    .size(PAGE)
                    .sort(o -> o.field(f -> f.field("key").order(SortOrder.Asc)))
                    .source(src -> src.filter(f -> f.includes("id", "forms")));
                if (!from.isEmpty()) {
                  s.searchAfter(from);
                }
                return s;
              },
              JsonNode.class);
      List<Hit<JsonNode>> hits = page.hits().hits();
      for (Hit<JsonNode> hit : hits) {
        person(hit.source()).ifPresent(persons::add);
      }
      if (hits.size() < PAGE) {
        return persons;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  private static java.util.Optional<NameMatcher.Person> person(JsonNode source) {
    if (source == null) {
      return java.util.Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(source.path("id").asText());
    } catch (NumberFormatException e) {
      return java.util.Optional.empty(); // persons have numeric ids; anything else is no person
    }
    List<String> forms = new ArrayList<>();
    source.path("forms").forEach(f -> forms.add(f.asText()));
    return java.util.Optional.of(new NameMatcher.Person(id, forms));
  }

  /** The names index is not (yet) complete; callers must not send what they wanted to check. */
  public static final class NamesNotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NamesNotReady() {
      super("the names index is being rebuilt");
    }
  }
}
