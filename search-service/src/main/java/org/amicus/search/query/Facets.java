package org.amicus.search.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** The facets search offers: their API names and the index fields behind them. */
public final class Facets {

  public static final String ARTICLE = "article";
  public static final Map<String, String> FIELDS;

  static {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("type", "type");
    fields.put("country", "country");
    fields.put(ARTICLE, "articles");
    fields.put("theme", "themes");
    fields.put("violation", "violations");
    fields.put("status", "status");
    fields.put("year", "year");
    fields.put("organisation", "organisations");
    fields.put("compliance", "compliance");
    fields.put("response", "response");
    fields.put("implementation", "implementation");
    fields.put("submissionStatus", "submissionStatus");
    FIELDS = java.util.Collections.unmodifiableMap(fields);
  }

  private Facets() {}
}
