package org.amicus.search.names;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.amicus.platform.changefeed.Change;

/**
 * Turns a person from cases-service's change feed into the document of the names index: the id, who
 * may read the person, and every recorded form of the name folded to the spellings the matcher
 * compares. Nothing else: no contact data, no pseudonym, no occupation.
 */
public final class NameDocuments {

  /** The only record type the names index holds. */
  public static final String TYPE = "person";

  private NameDocuments() {}

  /** The names document of {@code person}; its id and version are the search index's. */
  public static Map<String, Object> project(Change person) {
    JsonNode d = person.document();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", TYPE + ":" + person.id());
    doc.put("id", person.id());
    doc.put("seq", person.seq());
    doc.put("readers", readers(d));
    Set<String> forms = new LinkedHashSet<>();
    for (String form : forms(d)) {
      forms.addAll(NameFolding.spellings(form));
    }
    doc.put("forms", List.copyOf(forms));
    return doc;
  }

  /** All recorded names; older feed documents without {@code nameForms} give their names. */
  private static List<String> forms(JsonNode d) {
    List<String> forms = strings(d.get("nameForms"));
    if (!forms.isEmpty()) {
      return forms;
    }
    String pseudonym = text(d, "pseudonym");
    List<String> names = new ArrayList<>(strings(d.get("names")));
    String original = text(d, "originalName");
    if (original != null) {
      names.add(original);
    }
    names.removeIf(n -> n.equals(pseudonym)); // a pseudonym is what replaces a name, not a name
    return names;
  }

  /**
   * The grants of the feed document. TODO remove the fallback once every person feed document
   * carries {@code readers} (contract A): until then it is cases-service's Access.canRead for
   * persons, an organisation's own staff, or everyone's for COALITION and PUBLIC.
   */
  static List<String> readers(JsonNode d) {
    List<String> readers = strings(d.get("readers"));
    if (!readers.isEmpty() || d.has("readers")) {
      return readers;
    }
    String visibility = text(d, "visibility");
    String owner = text(d, "ownerOrg");
    if (visibility != null && !visibility.toUpperCase(Locale.ROOT).equals("ORGANISATION")) {
      return List.of("partner@*", "coordinator@*");
    }
    return owner == null ? List.of() : List.of("partner@" + owner, "coordinator@" + owner);
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return values;
    }
    for (JsonNode item : node) {
      if (item.isTextual() && !item.asText().isBlank()) {
        values.add(item.asText());
      }
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
  }
}
