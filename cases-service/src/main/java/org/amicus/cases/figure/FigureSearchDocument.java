package org.amicus.cases.figure;

import java.math.BigDecimal;
import java.util.List;

/**
 * What cases-service publishes on its change feed for a sourced figure, for search-service to
 * index. The contract is the JSON Schema {@code contracts/figure-search-document.v1.schema.json} in
 * this module's resources, not this type: search-service reads it with a reader of its own. {@code
 * readers} are the grants of {@code Access.readers}, the rule the API reads figures by.
 *
 * @param year the year the figure refers to (from {@code refersFrom}), for the year facet
 */
record FigureSearchDocument(
    Long id,
    String ownerOrg,
    String visibility,
    List<String> readers,
    BigDecimal value,
    String qualifier,
    BigDecimal outOf,
    String unit,
    String label,
    String country,
    String legalArticle,
    String refersFrom,
    String refersTo,
    int year,
    String countedBy,
    String sourceCitation,
    String sourceUrl,
    boolean demo) {}
