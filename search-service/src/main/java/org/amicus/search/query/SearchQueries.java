package org.amicus.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.platform.security.Caller;
import org.amicus.search.index.SearchIndex;
import org.amicus.search.names.NameFolding;
import org.springframework.stereotype.Component;

/**
 * Runs searches and suggestions. Every query goes through {@link #restricted}, which adds the
 * caller's access filter; there is no way to search without a caller.
 */
@Component
public class SearchQueries {

  private static final String TITLE = "title";
  private static final String ARTICLE_TITLES = "articleTitles";
  private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
  private static final List<String> TEXT_FIELDS =
      List.of("title^3", "reference^3", "names^2", "summary", "text");
  private static final List<String> HIGHLIGHTED = List.of("title", "summary", "text", "names");
  private static final List<String> RETURNED =
      List.of(
          "type",
          "id",
          "reference",
          "title",
          "names",
          "country",
          "year",
          "status",
          "submissionStatus",
          "ownerOrg",
          "visibility");

  private final ElasticsearchClient client;
  private final SearchIndex index;
  private final ObjectMapper json;

  public SearchQueries(ElasticsearchClient client, SearchIndex index, ObjectMapper json) {
    this.client = client;
    this.index = index;
    this.json = json;
  }

  public SearchPage search(Caller caller, SearchRequest request) throws IOException {
    Query query = restricted(caller, text(request.q()), filters(request.filters()));
    Map<String, Aggregation> aggregations = new LinkedHashMap<>();
    Facets.FIELDS.forEach(
        (name, field) ->
            aggregations.put(
                name,
                Aggregation.of(
                    a -> {
                      var terms = a.terms(t -> t.field(field).size(50));
                      return name.equals(Facets.ARTICLE)
                          ? terms.aggregations(TITLE, articleTitle())
                          : terms;
                    })));
    SearchResponse<ObjectNode> response =
        client.search(
            s -> {
              s.index(index.alias())
                  .query(query)
                  .size(request.size())
                  .trackTotalHits(t -> t.enabled(true))
                  .sort(sort(request.sort()))
                  .aggregations(aggregations)
                  .source(src -> src.filter(f -> f.includes(RETURNED)))
                  .highlight(
                      h -> {
                        HIGHLIGHTED.forEach(
                            f -> h.fields(f, hf -> hf.numberOfFragments(3).fragmentSize(150)));
                        return h.preTags("<em>").postTags("</em>").requireFieldMatch(false);
                      });
              if (request.searchAfter() != null) {
                s.searchAfter(request.searchAfter().stream().map(FieldValue::of).toList());
              }
              return s;
            },
            ObjectNode.class);
    List<SearchPage.Hit> hits = new ArrayList<>();
    List<FieldValue> lastSort = null;
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      hits.add(hit(hit));
      lastSort = hit.sort();
    }
    String next =
        hits.size() == request.size() && lastSort != null ? encodeSearchAfter(lastSort) : null;
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new SearchPage(total, hits, facets(response.aggregations()), next);
  }

  /** Names that complete {@code prefix}, from records the caller may open. */
  public List<Suggestion> suggest(Caller caller, String prefix, int size) throws IOException {
    String folded = NameFolding.fold(prefix);
    Set<String> starts = new LinkedHashSet<>();
    if (!folded.isEmpty()) {
      starts.add(folded);
    }
    starts.addAll(NameFolding.soundKeys(prefix));
    starts.addAll(NameFolding.spellings(prefix));
    List<Query> prefixes = new ArrayList<>();
    for (String start : starts) {
      prefixes.add(Query.of(q -> q.prefix(p -> p.field("nameSuggest").value(start))));
    }
    Query names = Query.of(q -> q.bool(b -> b.should(prefixes).minimumShouldMatch("1")));
    Query query = restricted(caller, names, List.of());
    SearchResponse<ObjectNode> response =
        client.search(
            s ->
                s.index(index.alias())
                    .query(query)
                    .size(size * 3)
                    .source(src -> src.filter(f -> f.includes("type", "id", "names"))),
            ObjectNode.class);
    Map<String, Suggestion> suggestions = new LinkedHashMap<>();
    for (Hit<ObjectNode> hit : response.hits().hits()) {
      ObjectNode source = hit.source();
      if (source == null) {
        continue;
      }
      for (JsonNode name : source.path("names")) {
        if (completes(name.asText(), starts) && suggestions.size() < size) {
          suggestions.putIfAbsent(
              name.asText(),
              new Suggestion(
                  name.asText(), source.path("type").asText(), source.path("id").asText()));
        }
      }
    }
    return List.copyOf(suggestions.values());
  }

  private static boolean completes(String name, Set<String> starts) {
    Set<String> keys = new LinkedHashSet<>(NameFolding.spellings(name));
    keys.addAll(NameFolding.soundKeys(name));
    for (String key : keys) {
      for (String word : wordStarts(key)) {
        for (String start : starts) {
          if (word.startsWith(start)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> wordStarts(String key) {
    List<String> starts = new ArrayList<>();
    starts.add(key);
    int space = key.indexOf(' ');
    while (space >= 0) {
      starts.add(key.substring(space + 1));
      space = key.indexOf(' ', space + 1);
    }
    return starts;
  }

  /** The one place a query meets the access filter; an unreadable caller gets an empty result. */
  static Query restricted(Caller caller, Query query, List<Query> filters) {
    List<Query> all = new ArrayList<>(filters);
    all.add(Acl.filter(caller).orElse(Query.of(q -> q.matchNone(m -> m))));
    return Query.of(q -> q.bool(b -> b.must(query).filter(all)));
  }

  /**
   * Ranking a researcher trusts: the exact reference code or name first, then spellings of the name
   * in another script or system, then sound-alikes; every word must match somewhere, and quoted
   * parts match as phrases.
   */
  static Query text(String q) {
    if (q == null || q.isBlank()) {
      return Query.of(x -> x.matchAll(m -> m));
    }
    List<Query> must = new ArrayList<>();
    Matcher phrases = PHRASE.matcher(q);
    while (phrases.find()) {
      String phrase = phrases.group(1);
      must.add(
          Query.of(
              x ->
                  x.multiMatch(
                      m -> m.query(phrase).fields(TEXT_FIELDS).type(TextQueryType.Phrase))));
    }
    String rest = PHRASE.matcher(q).replaceAll(" ").trim();
    for (String word : rest.split("\\s+")) {
      if (!word.isBlank()) {
        must.add(word(word));
      }
    }
    String whole = q.replace("\"", "").trim();
    List<Query> exact = new ArrayList<>();
    exact.add(Query.of(x -> x.term(t -> t.field("reference").value(whole).boost(50f))));
    exact.add(
        Query.of(
            x ->
                x.term(t -> t.field("names.exact").value(whole).caseInsensitive(true).boost(40f))));
    for (String spelling : NameFolding.spellings(whole)) {
      exact.add(
          Query.of(x -> x.term(t -> t.field("nameSpellings.exact").value(spelling).boost(20f))));
    }
    for (String sound : NameFolding.soundKeys(whole)) {
      exact.add(Query.of(x -> x.term(t -> t.field("nameSounds.exact").value(sound).boost(5f))));
    }
    return Query.of(x -> x.bool(b -> b.must(must).should(exact)));
  }

  /** One word matches as text, as a reference code, as a spelling or as a sound-alike of a name. */
  private static Query word(String word) {
    List<Query> ways = new ArrayList<>();
    ways.add(Query.of(x -> x.multiMatch(m -> m.query(word).fields(TEXT_FIELDS))));
    ways.add(Query.of(x -> x.term(t -> t.field("reference").value(word).boost(10f))));
    List<FieldValue> spellings = NameFolding.spellings(word).stream().map(FieldValue::of).toList();
    if (!spellings.isEmpty()) {
      ways.add(
          Query.of(
              x ->
                  x.terms(t -> t.field("nameSpellings").terms(v -> v.value(spellings)).boost(4f))));
    }
    List<FieldValue> sounds = NameFolding.soundKeys(word).stream().map(FieldValue::of).toList();
    if (!sounds.isEmpty()) {
      ways.add(
          Query.of(x -> x.terms(t -> t.field("nameSounds").terms(v -> v.value(sounds)).boost(1f))));
    }
    return Query.of(x -> x.bool(b -> b.should(ways).minimumShouldMatch("1")));
  }

  private static List<Query> filters(Map<String, List<String>> filters) {
    List<Query> queries = new ArrayList<>();
    filters.forEach(
        (facet, values) -> {
          String field = Facets.FIELDS.get(facet);
          if (field != null && !values.isEmpty()) {
            List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
            queries.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(accepted)))));
          }
        });
    return queries;
  }

  private static List<SortOptions> sort(SearchRequest.Sort sort) {
    List<SortOptions> options = new ArrayList<>();
    switch (sort) {
      case RELEVANCE -> options.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
      case NEWEST ->
          options.add(
              SortOptions.of(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc))));
      case YEAR ->
          options.add(
              SortOptions.of(
                  o -> o.field(f -> f.field("year").order(SortOrder.Desc).missing("_last"))));
      case TITLE ->
          options.add(
              SortOptions.of(
                  o -> o.field(f -> f.field("title.sort").order(SortOrder.Asc).missing("_last"))));
    }
    // a unique tie-breaker, so search_after never skips or repeats a record
    options.add(SortOptions.of(o -> o.field(f -> f.field("key").order(SortOrder.Asc))));
    return options;
  }

  private SearchPage.Hit hit(Hit<ObjectNode> hit) {
    ObjectNode s = hit.source() == null ? json.createObjectNode() : hit.source();
    List<String> names = new ArrayList<>();
    s.path("names").forEach(n -> names.add(n.asText()));
    String status = s.hasNonNull("status") ? s.get("status").asText() : null;
    if (status == null && s.hasNonNull("submissionStatus")) {
      status = s.get("submissionStatus").asText();
    }
    return new SearchPage.Hit(
        s.path("type").asText(),
        s.path("id").asText(),
        s.hasNonNull("reference") ? s.get("reference").asText() : null,
        s.hasNonNull("title") ? s.get("title").asText() : null,
        names,
        s.hasNonNull("country") ? s.get("country").asText() : null,
        s.hasNonNull("year") ? s.get("year").asInt() : null,
        status,
        s.hasNonNull("ownerOrg") ? s.get("ownerOrg").asText() : null,
        s.path("visibility").asText(),
        hit.score(),
        hit.highlight());
  }

  /**
   * One record per article bucket, with the titles of its articles: any record charging the article
   * holds its title, which is the country's vocabulary and the same on every record.
   */
  private static Aggregation articleTitle() {
    return Aggregation.of(
        a -> a.topHits(h -> h.size(1).source(s -> s.filter(f -> f.includes(ARTICLE_TITLES)))));
  }

  private static String titleOf(StringTermsBucket bucket) {
    Aggregate top = bucket.aggregations().get(TITLE);
    if (top == null || !top.isTopHits()) {
      return null;
    }
    for (Hit<JsonData> hit : top.topHits().hits().hits()) {
      JsonNode source = hit.source() == null ? null : hit.source().to(JsonNode.class);
      for (JsonNode citation : source == null ? List.<JsonNode>of() : iterable(source)) {
        if (bucket.key().stringValue().equals(citation.path("article").asText())
            && citation.hasNonNull("title")) {
          return citation.get("title").asText();
        }
      }
    }
    return null;
  }

  private static Iterable<JsonNode> iterable(JsonNode source) {
    return source.path(ARTICLE_TITLES);
  }

  private static Map<String, List<SearchPage.FacetCount>> facets(Map<String, Aggregate> aggs) {
    Map<String, List<SearchPage.FacetCount>> facets = new LinkedHashMap<>();
    for (String name : Facets.FIELDS.keySet()) {
      Aggregate aggregate = aggs.get(name);
      List<SearchPage.FacetCount> counts = new ArrayList<>();
      if (aggregate != null && aggregate.isSterms()) {
        aggregate
            .sterms()
            .buckets()
            .array()
            .forEach(
                b ->
                    counts.add(
                        new SearchPage.FacetCount(
                            b.key().stringValue(), b.docCount(), titleOf(b))));
      } else if (aggregate != null && aggregate.isLterms()) {
        aggregate
            .lterms()
            .buckets()
            .array()
            .forEach(
                b -> counts.add(new SearchPage.FacetCount(String.valueOf(b.key()), b.docCount())));
      }
      facets.put(name, counts);
    }
    return facets;
  }

  private String encodeSearchAfter(List<FieldValue> values) throws IOException {
    List<Object> plain = new ArrayList<>();
    for (FieldValue value : values) {
      plain.add(value._get());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(plain));
  }

  /** Reads a {@code searchAfter} this service handed out; null when it is not one. */
  public List<Object> decodeSearchAfter(String token) {
    try {
      JsonNode values = json.readTree(Base64.getUrlDecoder().decode(token));
      if (!values.isArray() || values.isEmpty()) {
        return null;
      }
      List<Object> plain = new ArrayList<>();
      for (JsonNode value : values) {
        if (value.isIntegralNumber()) {
          plain.add(value.asLong());
        } else if (value.isNumber()) {
          plain.add(value.asDouble());
        } else if (value.isTextual()) {
          plain.add(value.asText());
        } else {
          return null;
        }
      }
      return plain;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A name that completes what the caller typed, and the record it belongs to. */
  public record Suggestion(String name, String type, String id) {}
}
