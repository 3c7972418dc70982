package org.amicus.cases.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.amicus.cases.shared.Records.Versioned;

/** API payloads of UPR recommendations. */
public final class RecommendationPayloads {

  private RecommendationPayloads() {}

  /**
   * @param response null until the state under review has answered
   */
  public record RecommendationRequest(
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code like KZ")
          String stateUnderReview,
      @NotNull @Min(1) @Max(4) Integer cycle,
      @Positive Integer session,
      @NotBlank @Size(max = 40) String reportSymbol,
      @NotBlank @Size(max = 20) String paragraph,
      @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> recommendingStates,
      @NotBlank @Size(max = 10000) String text,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> themes,
      Response response) {}

  /** The coalition's implementation assessment, edited by coordinators. */
  public record AssessmentRequest(
      @NotNull Implementation implementation,
      @Size(max = 10000) String note,
      @Size(max = 100) Set<@NotNull Long> evidenceCaseIds) {}

  /**
   * @param evidenceCaseIds only the linked cases the caller may read
   */
  public record RecommendationView(
      long id,
      String stateUnderReview,
      int cycle,
      Integer session,
      String reportSymbol,
      String paragraph,
      String citation,
      List<String> recommendingStates,
      String text,
      List<String> themes,
      Response response,
      Implementation implementation,
      String assessmentNote,
      List<Long> evidenceCaseIds,
      boolean demo,
      Instant createdAt,
      Instant updatedAt,
      long version)
      implements Versioned {}

  public record RecommendationFilter(
      String stateUnderReview,
      Integer cycle,
      Response response,
      Implementation implementation,
      String theme,
      String recommendingState,
      String q) {}
}
