package org.amicus.workflow.review.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;

/**
 * Where a submission stands after an action on it.
 *
 * @param warnings after a submit: each place in the text that names a person of none of the linked
 *     cases (protected all the same), so the authors can link the case; empty otherwise
 */
record SubmissionStatusView(
    UUID id,
    SubmissionStatus status,
    int revision,
    @ArraySchema(
            schema =
                @Schema(
                    description =
                        "A place (field and char offsets, never the name) naming a person of none"
                            + " of the linked cases"))
        List<NameWarningView> warnings) {

  static SubmissionStatusView of(SubmissionSnapshot s) {
    return of(s, List.of());
  }

  static SubmissionStatusView of(
      SubmissionSnapshot s, List<SubmissionChecks.NameWarning> warnings) {
    return new SubmissionStatusView(
        s.id(),
        s.status(),
        s.revision(),
        warnings.stream()
            .map(w -> new NameWarningView(w.field(), w.start(), w.end(), w.message()))
            .toList());
  }

  /**
   * @param field e.g. {@code sections[2].text}
   * @param start first char of the name in that field's text (UTF-16 index)
   * @param end one past its last char
   */
  record NameWarningView(String field, int start, int end, String message) {}
}
