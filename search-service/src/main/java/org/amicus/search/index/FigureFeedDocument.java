package org.amicus.search.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * How search-service reads a sourced figure from cases-service's feed: the fields of the contract
 * {@code figure-search-document.v1} (a copy of cases-service's schema is in this module's test
 * resources) that the index needs. The fields every record type shares ({@code readers}, {@code
 * ownerOrg}, {@code visibility}, {@code country}, {@code year}) are read by IndexDocuments.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FigureFeedDocument(
    BigDecimal value,
    String qualifier,
    BigDecimal outOf,
    String unit,
    String label,
    String legalArticle,
    String refersFrom,
    String refersTo,
    String countedBy,
    String sourceCitation) {

  /** "25 of 32", "99.8%" or nothing for a note without a number; the qualifier stays a facet. */
  String amount() {
    if (value == null) {
      return null;
    }
    String amount = value.stripTrailingZeros().toPlainString();
    if ("PERCENT".equals(unit)) {
      return amount + "%";
    }
    return outOf == null ? amount : amount + " of " + outOf.stripTrailingZeros().toPlainString();
  }

  /** "2019" or "2019 to 2020-06". */
  String period() {
    return refersTo == null || refersTo.isBlank() ? refersFrom : refersFrom + " to " + refersTo;
  }
}
