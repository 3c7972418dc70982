package org.amicus.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.names.NameFolding;

/**
 * Turns a record from a change feed into the document search-service indexes.
 *
 * <p>Only what search needs is copied: titles, texts, names and facet values, never contact data or
 * documents. Who may find the record is the source's decision, published as {@code readers} (grants
 * such as {@code partner@odf} or {@code coordinator@*}); search copies it and applies nothing else.
 * A record without valid readers is refused: nobody could tell who may see it, so it must not be
 * searchable at all. {@code ownerOrg} and {@code visibility} are kept for display and facets only.
 *
 * <p>The fields read are the ones the sources publish, as their JSON Schemas state them (copies in
 * this module's test resources, see FeedContractTest): each type is read with a reader record of
 * search-service's own ({@link CaseFeedDocument}, {@link PersonFeedDocument}, {@link
 * RecommendationFeedDocument}, {@link SubmissionFeedDocument}, {@link FigureFeedDocument}); no Java
 * type is shared with the sources. The fields all types share ({@code readers}, {@code ownerOrg},
 * {@code visibility}, {@code country}, {@code year}) are read here.
 */
public final class IndexDocuments {

  public static final Set<String> TYPES =
      Set.of("case", "person", "recommendation", "submission", "figure");

  /** A grant: a role that reads content, in one organisation or in any ({@code *}). */
  private static final Pattern GRANT = Pattern.compile("(partner|coordinator)@[^@\\s]+");

  /** Reads a document with its reader type; a field search does not read is no error. */
  private static final ObjectMapper READER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private IndexDocuments() {}

  /** The index id of a record: ids are unique per type only. */
  public static String key(String type, String id) {
    return type + ":" + id;
  }

  /**
   * @throws InvalidDocument when the record cannot be indexed safely; the message names fields,
   *     never values
   */
  public static Map<String, Object> project(String source, Change change) {
    String type = change.type();
    if (!TYPES.contains(type)) {
      throw new InvalidDocument("unknown record type");
    }
    JsonNode d = change.document();
    if (d == null || !d.isObject()) {
      throw new InvalidDocument("document missing");
    }
    List<String> readers = readers(d);
    String owner = text(d, "ownerOrg");
    String visibility = text(d, "visibility");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", key(type, change.id()));
    doc.put("type", type);
    doc.put("id", change.id());
    doc.put("source", source);
    doc.put("readers", readers);
    put(doc, "ownerOrg", owner);
    put(doc, "visibility", upper(visibility));
    doc.put("seq", change.seq());
    if (change.at() != null) {
      doc.put("updatedAt", change.at().toString());
    }
    List<String> names = new ArrayList<>();
    switch (type) {
      case "case" -> {
        CaseFeedDocument c = read(d, CaseFeedDocument.class);
        put(doc, "reference", c.reference());
        put(doc, "title", c.title());
        put(doc, "summary", c.summary());
        put(doc, "status", c.status());
        List<Map<String, String>> articles = cited(c.articles(), text(d, "country"));
        putAll(doc, "articles", articles.stream().map(a -> a.get("article")).toList());
        if (!articles.isEmpty()) {
          doc.put("articleTitles", articles);
        }
        putAll(doc, "violations", present(c.violations()));
        putAll(doc, "compliance", present(c.unCompliance()));
        // already reduced by cases-service to what the case's audience may see of each person
        names.addAll(present(c.personNames()));
      }
      case "person" -> {
        PersonFeedDocument p = read(d, PersonFeedDocument.class);
        names.addAll(present(p.names()));
        if (present(p.pseudonym()) != null) {
          names.add(p.pseudonym());
        }
        put(doc, "title", first(names));
        put(doc, "summary", p.occupation());
      }
      case "recommendation" -> {
        RecommendationFeedDocument r = read(d, RecommendationFeedDocument.class);
        String symbol = present(r.reportSymbol());
        String paragraph = present(r.paragraph());
        put(doc, "reference", symbol == null ? paragraph : symbol + " " + nonNull(paragraph));
        put(doc, "title", paragraph);
        put(doc, "country", r.stateUnderReview());
        put(doc, "text", r.text());
        put(doc, "response", r.response());
        put(doc, "implementation", r.implementation());
        putAll(doc, "themes", present(r.themes()));
        putAll(doc, "text", present(r.recommendingStates()));
      }
      case "figure" -> {
        FigureFeedDocument f = read(d, FigureFeedDocument.class);
        // the amount where a record shows its reference: "25 of 32", "99.8%"
        put(doc, "reference", f.amount());
        put(doc, "title", f.label());
        put(doc, "summary", f.countedBy());
        put(doc, "text", f.sourceCitation());
        putAll(doc, "text", present(Arrays.asList(f.legalArticle(), f.period())));
      }
      case "submission" -> {
        SubmissionFeedDocument s = read(d, SubmissionFeedDocument.class);
        put(doc, "title", s.title());
        put(doc, "submissionStatus", s.status());
        put(doc, "text", s.text());
        putAll(doc, "text", present(s.headings()));
        putAll(doc, "organisations", present(s.coSigners()));
      }
      default -> throw new InvalidDocument("unknown record type");
    }
    put(doc, "country", upper(firstOf(text(d, "country"), (String) doc.get("country"))));
    JsonNode year = d.get("year");
    if (year != null && !year.isNull()) {
      // a non-numeric year is left for the mapping to refuse: that is a poison record
      doc.put("year", year.isNumber() ? year.asInt() : year.asText());
    }
    Set<String> organisations = new LinkedHashSet<>();
    if (owner != null) {
      organisations.add(owner);
    }
    @SuppressWarnings("unchecked")
    List<String> more = (List<String>) doc.getOrDefault("organisations", List.of());
    organisations.addAll(more);
    doc.put("organisations", List.copyOf(organisations));
    putNames(doc, names);
    return doc;
  }

  /** The source's grants; refused unless a non-empty array of well-formed grants. */
  private static List<String> readers(JsonNode d) {
    JsonNode readers = d.get("readers");
    if (readers == null || !readers.isArray() || readers.isEmpty()) {
      throw new InvalidDocument("readers missing");
    }
    Set<String> grants = new LinkedHashSet<>();
    for (JsonNode grant : readers) {
      if (!grant.isTextual() || !GRANT.matcher(grant.asText()).matches()) {
        throw new InvalidDocument("readers invalid");
      }
      grants.add(grant.asText());
    }
    return List.copyOf(grants);
  }

  private static void putNames(Map<String, Object> doc, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    Set<String> spellings = new LinkedHashSet<>();
    Set<String> sounds = new LinkedHashSet<>();
    Set<String> suggest = new LinkedHashSet<>();
    for (String name : names) {
      NameFolding.Keys keys = NameFolding.keys(name);
      for (String spelling : keys.spellings()) {
        spellings.add(spelling);
        suggest.addAll(wordStarts(spelling));
      }
      for (String sound : keys.soundKeys()) {
        sounds.add(sound);
        suggest.addAll(wordStarts(sound));
      }
    }
    doc.put("names", List.copyOf(new LinkedHashSet<>(names)));
    doc.put("nameSpellings", List.copyOf(spellings));
    doc.put("nameSounds", List.copyOf(sounds));
    doc.put("nameSuggest", List.copyOf(suggest));
  }

  /** "mukhtar dzhakishev" completes from "muk" and from "dzhak". */
  private static List<String> wordStarts(String folded) {
    List<String> starts = new ArrayList<>();
    int from = 0;
    while (from >= 0 && from < folded.length()) {
      starts.add(folded.substring(from));
      int space = folded.indexOf(' ', from);
      from = space < 0 ? -1 : space + 1;
    }
    return starts;
  }

  /**
   * The articles of a case as users cite them, e.g. "Art. 405 CC KZ", each with its title, from the
   * {@code {code, number, title}} objects cases-service publishes; an article without code or
   * number is left out rather than indexed as a fragment. The titles are stored, not indexed: the
   * article facet shows them on hover.
   */
  private static List<Map<String, String>> cited(
      List<CaseFeedDocument.Article> articles, String country) {
    List<Map<String, String>> cited = new ArrayList<>();
    String state = country == null ? "" : " " + country.toUpperCase(Locale.ROOT);
    for (CaseFeedDocument.Article article :
        articles == null ? List.<CaseFeedDocument.Article>of() : articles) {
      String code = article == null ? null : present(article.code());
      String number = article == null ? null : present(article.number());
      if (code != null && number != null) {
        Map<String, String> citation = new LinkedHashMap<>();
        citation.put("article", "Art. " + number + " " + code + state);
        if (present(article.title()) != null) {
          citation.put("title", article.title());
        }
        cited.add(citation);
      }
    }
    return cited;
  }

  /**
   * A feed document read with its reader type, the fields search-service knows from the producer's
   * schema; others are ignored.
   *
   * @throws InvalidDocument when a field has another type than the contract's (the message names
   *     the type, never a value)
   */
  static <T> T read(JsonNode document, Class<T> reader) {
    try {
      return READER.treeToValue(document, reader);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidDocument("fields invalid for " + reader.getSimpleName());
    }
  }

  /** The non-blank strings of a list the source may leave out. */
  private static List<String> present(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }

  private static String present(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  private static void put(Map<String, Object> doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.put(field, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static void putAll(Map<String, Object> doc, String field, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    Object existing = doc.get(field);
    List<String> all = new ArrayList<>();
    if (existing instanceof String s) {
      all.add(s);
    } else if (existing instanceof List<?> list) {
      all.addAll((List<String>) list);
    }
    all.addAll(values);
    doc.put(field, all);
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  /** A record that cannot be indexed as it is; the message names fields, never values. */
  public static final class InvalidDocument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidDocument(String reason) {
      super(reason);
    }
  }
}
