package org.amicus.search.query;

import java.util.List;
import java.util.Map;

/**
 * One search as the API takes it, already validated.
 *
 * @param q the query string; quoted parts are phrases; blank means everything
 * @param filters facet name to accepted values (OR within a facet, AND across facets)
 * @param searchAfter the sort values of the last hit of the previous page, or null
 */
public record SearchRequest(
    String q, Map<String, List<String>> filters, Sort sort, int size, List<Object> searchAfter) {

  public enum Sort {
    RELEVANCE,
    NEWEST,
    YEAR,
    TITLE
  }
}
