package org.amicus.workflow.review.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.amicus.platform.security.Caller;
import org.amicus.workflow.dispatch.Renderings;
import org.amicus.workflow.review.ReviewTasks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskResource {

  private final ReviewTasks tasks;

  TaskResource(ReviewTasks tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  @Operation(summary = "Tasks assigned to me and unclaimed tasks of my groups, oldest first")
  List<ReviewTasks.TaskView> inbox(Caller caller) {
    return tasks.inbox(caller);
  }

  @GetMapping("/{id}/rendering")
  @Operation(
      summary =
          "What the task's submission sends as things stand: the pseudonymised text, file name,"
              + " media type and the SHA-256 an approval or sign-off records (404 unless you may"
              + " act on the task)")
  RenderingView rendering(Caller caller, @PathVariable String id) {
    return RenderingView.of(tasks.rendering(caller, id));
  }

  @GetMapping("/{id}/rendering/document")
  @Operation(summary = "The document exactly as an approval of the task now approves it")
  ResponseEntity<byte[]> renderingDocument(Caller caller, @PathVariable String id) {
    Renderings.Rendering rendering = tasks.rendering(caller, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(rendering.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(rendering.fileName()).build().toString())
        .header("X-Content-SHA256", rendering.sha256())
        .body(rendering.document());
  }

  @PostMapping("/{id}/claim")
  @Operation(summary = "Claim the task, so that nobody else works on it")
  ReviewTasks.TaskView claim(Caller caller, @PathVariable String id) {
    return tasks.claim(caller, id);
  }

  @PostMapping("/{id}/unclaim")
  @Operation(summary = "Hand the claimed task back to its group")
  ReviewTasks.TaskView unclaim(Caller caller, @PathVariable String id) {
    return tasks.unclaim(caller, id);
  }

  @PostMapping("/{id}/complete")
  @Operation(
      summary =
          "Complete with a decision: review APPROVE/RETURN/REJECT, legal review APPROVE/RETURN,"
              + " sign-off SIGN/DECLINE, revision RESUBMIT, overdue follow-up DONE; a comment is"
              + " required to return,"
              + " reject or decline")
  ResponseEntity<SubmissionStatusView> complete(
      Caller caller, @PathVariable String id, @Valid @RequestBody Completion completion) {
    var submission = tasks.complete(caller, id, completion.decision(), completion.comment());
    return ResponseEntity.ok().eTag(submission.etag()).body(SubmissionStatusView.of(submission));
  }

  /** The outgoing rendering without its bytes (those are at {@code .../rendering/document}). */
  record RenderingView(
      int revision,
      String title,
      String kind,
      List<String> submittedBy,
      List<Renderings.Rendering.Block> blocks,
      String fileName,
      String mediaType,
      String sha256) {
    static RenderingView of(Renderings.Rendering r) {
      return new RenderingView(
          r.revision(),
          r.title(),
          r.kind(),
          r.submittedBy(),
          r.blocks(),
          r.fileName(),
          r.mediaType(),
          r.sha256());
    }
  }

  record Completion(@NotBlank String decision, @Size(max = 10_000) String comment) {}
}
