package org.amicus.cases.casefile;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request and view payloads of the parts of a case: charges, events, decisions, mandates. */
public final class CaseParts {

  private CaseParts() {}

  /**
   * @param article the article number in the case country's vocabulary, e.g. {@code 405}
   * @param code the legal code; {@code CC} (Criminal Code) when omitted
   * @param date when the charge was brought: YYYY, YYYY-MM or YYYY-MM-DD
   */
  public record ChargeRequest(
      @NotBlank @Size(max = 20) String article,
      @Size(max = 40) String code,
      Long personId,
      String date,
      @Size(max = 2000) String note) {}

  public record ChargeView(
      long id,
      long articleId,
      String code,
      String article,
      String title,
      Long personId,
      String date,
      String note) {}

  /**
   * @param date YYYY, YYYY-MM or YYYY-MM-DD
   */
  public record EventRequest(
      @NotNull EventType type,
      @NotBlank String date,
      Long personId,
      @Size(max = 300) String place,
      @Size(max = 300) String perpetrator,
      @Size(max = 500) String source,
      Reliability reliability,
      @Min(0) @jakarta.validation.constraints.Max(1200) Integer termMonths,
      @Size(max = 5000) String description) {}

  public record EventView(
      long id,
      EventType type,
      String date,
      Long personId,
      String place,
      String perpetrator,
      String source,
      Reliability reliability,
      Integer termMonths,
      String description) {}

  public record DecisionRequest(
      @NotNull UnBody body,
      @NotBlank @Size(max = 200) String reference,
      @PastOrPresent LocalDate date,
      @Size(max = 500) String finding,
      @Size(max = 500) String requestedRemedy,
      @NotNull Compliance compliance,
      Long personId) {}

  public record DecisionView(
      long id,
      UnBody body,
      String reference,
      LocalDate date,
      String finding,
      String requestedRemedy,
      Compliance compliance,
      Long personId) {}

  public record RepresentationRequest(
      @NotNull Long personId,
      @NotBlank @Size(max = 40) String organisation,
      @NotNull @PastOrPresent LocalDate grantedOn,
      LocalDate revokedOn) {}

  public record RepresentationView(
      long id,
      long personId,
      String organisation,
      LocalDate grantedOn,
      LocalDate revokedOn,
      boolean active) {}

  public record ArticleView(long id, String country, String code, String number, String title) {}
}
