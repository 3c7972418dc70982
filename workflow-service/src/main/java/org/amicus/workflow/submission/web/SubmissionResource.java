package org.amicus.workflow.submission.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.workflow.submission.IfMatch;
import org.amicus.workflow.submission.RevisionDiff;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionDraft;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/submissions")
class SubmissionResource {

  private final SubmissionService submissions;

  SubmissionResource(SubmissionService submissions) {
    this.submissions = submissions;
  }

  @PostMapping
  @Operation(summary = "Start a draft; the caller's organisation leads it")
  ResponseEntity<SubmissionView> create(Caller caller, @Valid @RequestBody SubmissionDraft draft) {
    SubmissionSnapshot created = submissions.create(caller, draft);
    return ResponseEntity.created(URI.create("/api/submissions/" + created.id()))
        .eTag(created.etag())
        .body(SubmissionView.of(created));
  }

  @GetMapping
  @Operation(summary = "The submissions the caller may open, most recently changed first")
  List<SubmissionView> list(Caller caller) {
    return submissions.list(caller).stream().map(SubmissionView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One submission with its content, and its ETag")
  ResponseEntity<SubmissionView> get(Caller caller, @PathVariable UUID id) {
    SubmissionSnapshot submission = submissions.get(caller, id);
    return ResponseEntity.ok().eTag(submission.etag()).body(SubmissionView.of(submission));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Save the whole content as the next revision (If-Match required)")
  ResponseEntity<SubmissionView> save(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody SubmissionDraft draft) {
    SubmissionSnapshot saved = submissions.save(caller, id, IfMatch.lockVersion(ifMatch), draft);
    return ResponseEntity.ok().eTag(saved.etag()).body(SubmissionView.of(saved));
  }

  @GetMapping("/{id}/versions")
  @Operation(summary = "Every saved revision, oldest first")
  List<SubmissionService.RevisionSummary> versions(Caller caller, @PathVariable UUID id) {
    return submissions.revisions(caller, id);
  }

  @GetMapping("/{id}/versions/{revision}")
  @Operation(summary = "One saved revision as it was saved")
  SubmissionContent version(Caller caller, @PathVariable UUID id, @PathVariable int revision) {
    return submissions.revision(caller, id, revision);
  }

  @GetMapping("/{id}/versions/{a}/diff/{b}")
  @Operation(summary = "What changed from revision a to revision b, section by section")
  RevisionDiff diff(
      Caller caller, @PathVariable UUID id, @PathVariable int a, @PathVariable int b) {
    return submissions.diff(caller, id, a, b);
  }

  @GetMapping("/{id}/comments")
  @Operation(summary = "The comments on the submission, oldest first")
  List<SubmissionService.CommentView> comments(Caller caller, @PathVariable UUID id) {
    return submissions.comments(caller, id);
  }

  @PostMapping("/{id}/comments")
  @Operation(summary = "Comment on the submission")
  ResponseEntity<SubmissionService.CommentView> comment(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody NewComment comment) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(submissions.comment(caller, id, comment.body()));
  }

  record NewComment(@NotBlank @Size(max = 10_000) String body) {}
}
