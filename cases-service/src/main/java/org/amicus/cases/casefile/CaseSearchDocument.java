package org.amicus.cases.casefile;

import java.util.List;

/**
 * What cases-service publishes on its change feed for a case, for search-service to index. The
 * contract is the JSON Schema {@code contracts/case-search-document.v1.schema.json} in this
 * module's resources, not this type: search-service reads it with a reader of its own. A change of
 * a field changes the schema (a new version) and search-service's copy of it.
 *
 * <p>{@code readers} decides who finds the case (the grants of {@code Access.readers}, the rule the
 * API reads by); {@code personNames} are already reduced to what the case's audience may see of
 * each person. Never contact data.
 */
record CaseSearchDocument(
    Long id,
    String reference,
    String title,
    String summary,
    String country,
    int year,
    String status,
    String riskLevel,
    List<String> violations,
    String ownerOrg,
    String visibility,
    List<String> readers,
    List<Article> articles,
    List<String> personNames,
    List<String> unCompliance,
    boolean demo) {

  /** An article the case charges under, e.g. code CC, number 405 (a string: "405-1" exists). */
  record Article(String code, String number, String title) {}
}
