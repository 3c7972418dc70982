package org.amicus.search.query;

import java.util.List;
import java.util.Map;

/**
 * A page of results.
 *
 * @param total how many records match (all open to the caller)
 * @param facets facet name to value counts, under the same access filter as the hits
 * @param next the {@code searchAfter} for the following page; null on the last page
 */
public record SearchPage(
    long total, List<Hit> hits, Map<String, List<FacetCount>> facets, String next) {

  /** One record found; {@code highlights} holds matched fragments per field. */
  public record Hit(
      String type,
      String id,
      String reference,
      String title,
      List<String> names,
      String country,
      Integer year,
      String status,
      String ownerOrg,
      String visibility,
      Double score,
      Map<String, List<String>> highlights) {}

  /**
   * @param title what the value stands for, shown on hover: the title of an article
   */
  public record FacetCount(String value, long count, String title) {

    public FacetCount(String value, long count) {
      this(value, count, null);
    }
  }
}
