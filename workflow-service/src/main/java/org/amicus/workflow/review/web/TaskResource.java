package org.amicus.workflow.review.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.amicus.platform.security.Caller;
import org.amicus.workflow.review.ReviewTasks;
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

  @PostMapping("/{id}/claim")
  ReviewTasks.TaskView claim(Caller caller, @PathVariable String id) {
    return tasks.claim(caller, id);
  }

  @PostMapping("/{id}/unclaim")
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

  record Completion(@NotBlank String decision, @Size(max = 10_000) String comment) {}
}
