package org.amicus.search.names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.index.PersonFeedDocument;

/**
 * Turns a person from cases-service's change feed into the document of the names index: the id, who
 * may read the person, and every recorded form of the name folded to the spellings the matcher
 * compares. Nothing else: no contact data, no pseudonym, no occupation. The person is read with
 * {@link PersonFeedDocument}, search-service's reader of cases-service's person contract.
 */
public final class NameDocuments {

  /** The only record type the names index holds. */
  public static final String TYPE = "person";

  private NameDocuments() {}

  /**
   * The names document of {@code person}; its id and version are the search index's.
   *
   * @throws org.amicus.search.index.IndexDocuments.InvalidDocument when a field has another type
   *     than the contract's (IndexDocuments refuses such a person first)
   */
  public static Map<String, Object> project(Change person) {
    PersonFeedDocument d = PersonFeedDocument.of(person.document());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", TYPE + ":" + person.id());
    doc.put("id", person.id());
    doc.put("seq", person.seq());
    doc.put("readers", present(d.readers()));
    Set<String> forms = new LinkedHashSet<>();
    for (String form : forms(d)) {
      forms.addAll(NameFolding.spellings(form));
    }
    doc.put("forms", List.copyOf(forms));
    return doc;
  }

  /** All recorded names; older feed documents without {@code nameForms} give their names. */
  private static List<String> forms(PersonFeedDocument d) {
    List<String> forms = present(d.nameForms());
    if (!forms.isEmpty()) {
      return forms;
    }
    String pseudonym = d.pseudonym();
    List<String> names = new ArrayList<>(present(d.names()));
    if (d.originalName() != null && !d.originalName().isBlank()) {
      names.add(d.originalName());
    }
    names.removeIf(n -> n.equals(pseudonym)); // a pseudonym is what replaces a name, not a name
    return names;
  }

  private static List<String> present(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }
}
