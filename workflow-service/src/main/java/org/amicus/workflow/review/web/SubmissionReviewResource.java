package org.amicus.workflow.review.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.workflow.review.ReviewService;
import org.amicus.workflow.review.SubmissionHistory;
import org.amicus.workflow.submission.IfMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/submissions/{id}")
class SubmissionReviewResource {

  private final ReviewService review;
  private final SubmissionHistory history;

  SubmissionReviewResource(ReviewService review, SubmissionHistory history) {
    this.review = review;
    this.history = history;
  }

  @PostMapping("/submit")
  @Operation(
      summary =
          "Run the checks and send the draft (or the returned draft) to review (If-Match"
              + " required)")
  ResponseEntity<SubmissionStatusView> submit(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    ReviewService.Submitted submitted = review.submit(caller, id, IfMatch.lockVersion(ifMatch));
    return ResponseEntity.ok()
        .eTag(submitted.submission().etag())
        .body(SubmissionStatusView.of(submitted.submission(), submitted.warnings()));
  }

  @PostMapping("/acknowledgement")
  @Operation(summary = "Record that the target acknowledged receipt; the process ends")
  ResponseEntity<SubmissionStatusView> acknowledge(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody Acknowledgement acknowledgement) {
    var submission = review.acknowledge(caller, id, acknowledgement.reference());
    return ResponseEntity.ok().eTag(submission.etag()).body(SubmissionStatusView.of(submission));
  }

  @GetMapping("/history")
  @Operation(summary = "Who did what, when")
  List<SubmissionHistory.Entry> history(Caller caller, @PathVariable UUID id) {
    return history.of(caller, id);
  }

  /**
   * @param reference the target's receipt reference, if it gave one
   */
  record Acknowledgement(@Size(max = 200) String reference) {}
}
