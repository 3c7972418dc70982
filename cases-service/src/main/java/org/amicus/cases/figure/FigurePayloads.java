package org.amicus.cases.figure;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.cases.shared.Visibility;

/** API payloads of sourced figures. */
public final class FigurePayloads {

  private FigurePayloads() {}

  static final String DATE = "\\d{4}(-\\d{2}(-\\d{2})?)?";
  static final String DATE_MESSAGE = "must be YYYY, YYYY-MM or YYYY-MM-DD";

  /**
   * @param value null for a sourced note without a number (e.g. a refusal to decriminalise)
   * @param qualifier EXACTLY when omitted
   * @param outOf the whole the value is part of: 25 "of 32" opinions
   * @param unit COUNT when omitted
   * @param legalArticle the article the figure or note is about, e.g. "130"
   * @param refersFrom the date or start of the period the figure refers to
   * @param refersTo the end of that period, if it is one
   * @param countedBy the organisation that counted, as the source names it
   * @param visibility COALITION when omitted
   */
  public record FigureRequest(
      @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal value,
      Qualifier qualifier,
      @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal outOf,
      Unit unit,
      @NotBlank @Size(max = 300) String label,
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code like KZ")
          String country,
      @Size(max = 20) String legalArticle,
      @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String refersFrom,
      @Pattern(regexp = DATE, message = DATE_MESSAGE) String refersTo,
      @NotBlank @Size(max = 300) String countedBy,
      @NotBlank @Size(max = 1000) String sourceCitation,
      @Size(max = 2000)
          @Pattern(regexp = "https?://\\S+", message = "must be an http or https address")
          String sourceUrl,
      Visibility visibility) {}

  /**
   * A figure as the API shows it; {@code kind} is always {@code SOURCED}, so that no reader takes
   * it for a figure computed from the coalition's records.
   */
  public record FigureView(
      long id,
      String kind,
      BigDecimal value,
      Qualifier qualifier,
      BigDecimal outOf,
      Unit unit,
      String label,
      String country,
      String legalArticle,
      String refersFrom,
      String refersTo,
      String countedBy,
      String sourceCitation,
      String sourceUrl,
      String ownerOrg,
      Visibility visibility,
      boolean editable,
      boolean demo,
      Instant createdAt,
      Instant updatedAt,
      long version)
      implements Versioned {}

  public record FigureFilter(String country, String legalArticle) {}
}
