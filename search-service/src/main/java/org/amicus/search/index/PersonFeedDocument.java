package org.amicus.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How search-service reads a person from cases-service's feed (contract {@code
 * person-search-document.v1}; a copy of cases-service's schema is in this module's test resources).
 * The search index takes {@code names} (what may be shown), {@code pseudonym} and {@code
 * occupation}; the names index takes {@code nameForms}, every recorded form, never shown. {@code
 * originalName} is only in documents written before {@code nameForms} existed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonFeedDocument(
    List<String> readers,
    List<String> names,
    List<String> nameForms,
    String originalName,
    String pseudonym,
    String occupation) {

  /**
   * @throws IndexDocuments.InvalidDocument when a field has another type than the contract's
   */
  public static PersonFeedDocument of(JsonNode document) {
    return IndexDocuments.read(document, PersonFeedDocument.class);
  }
}
