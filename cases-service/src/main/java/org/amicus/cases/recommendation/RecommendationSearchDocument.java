package org.amicus.cases.recommendation;

import java.util.List;

/**
 * What cases-service publishes on its change feed for a UPR recommendation, for search-service to
 * index. The contract is the JSON Schema {@code
 * contracts/recommendation-search-document.v1.schema.json} in this module's resources, not this
 * type: search-service reads it with a reader of its own. UN text is public; the coalition's
 * assessment is shared with the coalition, so every recommendation is read by the coalition.
 */
record RecommendationSearchDocument(
    Long id,
    String visibility,
    List<String> readers,
    String stateUnderReview,
    int cycle,
    Integer session,
    String reportSymbol,
    String paragraph,
    List<String> recommendingStates,
    String text,
    List<String> themes,
    String response,
    String implementation,
    boolean demo) {}
