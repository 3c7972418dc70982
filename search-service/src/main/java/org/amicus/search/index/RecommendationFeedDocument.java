package org.amicus.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How search-service reads a UPR recommendation from cases-service's feed: the fields of the
 * contract {@code recommendation-search-document.v1} (a copy of cases-service's schema is in this
 * module's test resources) that the index needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecommendationFeedDocument(
    String stateUnderReview,
    String reportSymbol,
    String paragraph,
    List<String> recommendingStates,
    String text,
    List<String> themes,
    String response,
    String implementation) {}
