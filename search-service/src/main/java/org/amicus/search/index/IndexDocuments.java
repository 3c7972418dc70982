package org.amicus.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * <p>The fields read are the ones the sources publish: cases-service's CaseService, PersonService
 * and RecommendationService, and workflow-service's SubmissionSearchDocument.
 */
public final class IndexDocuments {

  public static final Set<String> TYPES = Set.of("case", "person", "recommendation", "submission");

  /** A grant: a role that reads content, in one organisation or in any ({@code *}). */
  private static final Pattern GRANT = Pattern.compile("(partner|coordinator)@[^@\\s]+");

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
        put(doc, "reference", text(d, "reference"));
        put(doc, "title", text(d, "title"));
        put(doc, "summary", text(d, "summary"));
        put(doc, "status", text(d, "status"));
        putAll(doc, "articles", articles(d.get("articles"), text(d, "country")));
        putAll(doc, "violations", values(d.get("violations"), "code", "type", "name"));
        putAll(doc, "compliance", values(d.get("unCompliance")));
        // already reduced by cases-service to what the case's audience may see of each person
        names.addAll(values(d.get("personNames")));
      }
      case "person" -> {
        names.addAll(namesOf(d));
        put(doc, "title", first(names));
        put(doc, "summary", text(d, "occupation"));
      }
      case "recommendation" -> {
        String symbol = text(d, "reportSymbol");
        String paragraph = text(d, "paragraph");
        put(doc, "reference", symbol == null ? paragraph : symbol + " " + nonNull(paragraph));
        put(doc, "title", paragraph);
        put(doc, "country", text(d, "stateUnderReview"));
        put(doc, "text", text(d, "text"));
        put(doc, "response", text(d, "response"));
        put(doc, "implementation", text(d, "implementation"));
        putAll(doc, "themes", values(d.get("themes")));
        putAll(doc, "text", values(d.get("recommendingStates"), "name"));
      }
      case "submission" -> {
        put(doc, "reference", text(d, "reference"));
        put(doc, "title", text(d, "title"));
        put(doc, "summary", text(d, "summary"));
        put(doc, "submissionStatus", text(d, "status"));
        put(doc, "text", text(d, "text"));
        putAll(doc, "text", values(d.get("headings")));
        putAll(doc, "organisations", values(d.get("coSigners"), "organisation", "id"));
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
    organisations.addAll(values(d.get("organisations")));
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
      for (String spelling : NameFolding.spellings(name)) {
        spellings.add(spelling);
        suggest.addAll(wordStarts(spelling));
      }
      for (String sound : NameFolding.soundKeys(name)) {
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

  /** A person's name in its original script, its recorded spellings and pseudonym. */
  private static List<String> namesOf(JsonNode person) {
    List<String> names = new ArrayList<>();
    if (person == null || person.isNull()) {
      return names;
    }
    if (person.isTextual()) {
      names.add(person.asText());
      return names;
    }
    for (String field : List.of("name", "originalName", "fullName", "displayName")) {
      String value = text(person, field);
      if (value != null) {
        names.add(value);
      }
    }
    names.addAll(values(person.get("spellings"), "spelling", "value", "name"));
    names.addAll(values(person.get("names"), "name", "value"));
    String pseudonym = text(person, "pseudonym");
    if (pseudonym != null) {
      names.add(pseudonym);
    }
    return names;
  }

  /**
   * The articles of a case as users cite them, e.g. "Art. 405 CC KZ", from the {@code {code,
   * number, title}} objects cases-service publishes; an article without code or number is left out
   * rather than indexed as a fragment.
   */
  private static List<String> articles(JsonNode node, String country) {
    List<String> cited = new ArrayList<>();
    String state = country == null ? "" : " " + country.toUpperCase(Locale.ROOT);
    for (JsonNode item : iterable(node)) {
      if (item.isValueNode()) {
        cited.add(item.asText());
        continue;
      }
      String code = text(item, "code");
      String number = text(item, "number");
      if (code != null && number != null) {
        cited.add("Art. " + number + " " + code + state);
      }
    }
    return cited;
  }

  /** Strings of an array of strings, or of one named field of an array of objects. */
  private static List<String> values(JsonNode node, String... fields) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : iterable(node)) {
      if (item.isValueNode()) {
        values.add(item.asText());
        continue;
      }
      for (String field : fields) {
        String value = text(item, field);
        if (value != null) {
          values.add(value);
          break;
        }
      }
    }
    return values;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    return node.isArray() ? node : List.of(node);
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
    if (value != null) {
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
