package org.amicus.workflow.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What authors send to create or save a submission: always the whole content, which becomes the
 * next revision.
 *
 * @param target optional; defaults to the type's usual target
 */
public record SubmissionDraft(
    @NotNull SubmissionType type,
    SubmissionType.Target target,
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code")
        String language,
    LocalDate deadline,
    SubmissionContent.RiskLevel riskLevel,
    @Size(max = 20) List<@Valid @NotNull CoSignerDraft> coSigners,
    @Size(max = 200) List<@Valid @NotNull SectionDraft> sections,
    @Size(max = 200) List<@NotNull @Positive Long> caseIds,
    @Size(max = 500) List<@NotNull @Positive Long> recommendationIds,
    @Size(max = 200) List<@NotBlank @Size(max = 5000) String> proposedRecommendations) {

  public record CoSignerDraft(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be an organisation id")
          String organisation,
      @NotBlank @Size(max = 2000) String description) {}

  public record SectionDraft(
      @NotBlank @Size(max = 500) String heading, @Size(max = 100_000) String text) {}

  SubmissionContent content() {
    return new SubmissionContent(
        title.strip(),
        language,
        deadline,
        riskLevel,
        coSigners == null
            ? List.of()
            : coSigners.stream()
                .map(c -> new SubmissionContent.CoSigner(c.organisation(), c.description().strip()))
                .toList(),
        sections == null
            ? List.of()
            : sections.stream()
                .map(
                    s ->
                        new SubmissionContent.Section(
                            s.heading().strip(), s.text() == null ? "" : s.text()))
                .toList(),
        caseIds == null ? List.of() : caseIds.stream().distinct().toList(),
        recommendationIds == null ? List.of() : recommendationIds.stream().distinct().toList(),
        proposedRecommendations);
  }
}
