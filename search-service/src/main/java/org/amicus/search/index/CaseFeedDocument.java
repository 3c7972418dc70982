package org.amicus.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How search-service reads a case from cases-service's feed: the fields of the contract {@code
 * case-search-document.v1} (a copy of cases-service's schema is in this module's test resources)
 * that the case's own part of the index needs. The fields every record type shares ({@code
 * readers}, {@code ownerOrg}, {@code visibility}, {@code country}, {@code year}) are read by
 * IndexDocuments.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CaseFeedDocument(
    String reference,
    String title,
    String summary,
    String status,
    List<Article> articles,
    List<String> violations,
    List<String> unCompliance,
    List<String> personNames) {

  /** An article the case charges under, as published: {@code {code, number, title}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Article(String code, String number, String title) {}
}
