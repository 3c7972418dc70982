package org.amicus.workflow.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.amicus.workflow.dispatch.Dispatcher;
import org.amicus.workflow.dispatch.Incidents;
import org.amicus.workflow.dispatch.Renderings;
import org.amicus.workflow.submission.SubmissionService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DispatchResource {

  private final SubmissionService submissions;
  private final Dispatcher dispatcher;
  private final Incidents incidents;
  private final Renderings renderings;

  DispatchResource(
      SubmissionService submissions,
      Dispatcher dispatcher,
      Incidents incidents,
      Renderings renderings) {
    this.submissions = submissions;
    this.dispatcher = dispatcher;
    this.incidents = incidents;
    this.renderings = renderings;
  }

  @GetMapping("/api/submissions/{id}/approvals")
  @Operation(
      summary =
          "Every approval and sign-off: revision, task, who, when and the SHA-256 of the document"
              + " approved; the last one before dispatch is what is sent")
  List<Renderings.Approval> approvals(Caller caller, @PathVariable UUID id) {
    submissions.get(caller, id);
    return renderings.approvals(id);
  }

  @GetMapping("/api/submissions/{id}/dispatches")
  @Operation(summary = "What was sent: file, SHA-256, Message-ID, recipient, when")
  List<DispatchView> dispatches(Caller caller, @PathVariable UUID id) {
    submissions.get(caller, id);
    return dispatcher.of(id).stream()
        .map(
            d ->
                new DispatchView(
                    d.revision(),
                    d.fileName(),
                    d.mediaType(),
                    d.sha256(),
                    d.messageId(),
                    d.recipient(),
                    d.sent(),
                    d.sentAt()))
        .toList();
  }

  @GetMapping("/api/submissions/{id}/dispatches/{revision}/document")
  @Operation(summary = "The document exactly as it was sent")
  ResponseEntity<byte[]> document(
      Caller caller, @PathVariable UUID id, @PathVariable int revision) {
    submissions.get(caller, id);
    var dispatch =
        dispatcher.of(id).stream()
            .filter(d -> d.revision() == revision)
            .findFirst()
            .orElseThrow(() -> ApiProblem.notFound("The dispatch of revision " + revision));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(dispatch.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(dispatch.fileName()).build().toString())
        .body(dispatch.document());
  }

  @GetMapping("/api/admin/workflow/incidents")
  @Operation(summary = "Process steps that failed past their retries (admin)")
  List<Incidents.View> incidents(Caller caller) {
    requireAdmin(caller);
    return incidents.open();
  }

  @PostMapping("/api/admin/workflow/incidents/{id}/retry")
  @Operation(summary = "Give the failed step another try once its cause is fixed (admin)")
  ResponseEntity<Void> retry(Caller caller, @PathVariable String id) {
    requireAdmin(caller);
    if (!incidents.retry(id)) {
      throw ApiProblem.notFound("The incident");
    }
    return ResponseEntity.accepted().build();
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.has(Role.ADMIN)) {
      throw ApiProblem.forbidden("Only admins see and retry failed process steps");
    }
  }

  record DispatchView(
      int revision,
      String fileName,
      String mediaType,
      String sha256,
      String messageId,
      String recipient,
      boolean sent,
      Instant sentAt) {}
}
