package org.amicus.search.ingest.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import org.amicus.platform.web.ApiProblem;
import org.amicus.search.ingest.IngestAdmin;
import org.amicus.search.ingest.Rebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running the index: dead letters, rebuilds and ingest status. Role admin (see SearchSecurity). */
@RestController
@RequestMapping("/api/search/admin")
class AdminResource {

  private final IngestAdmin admin;
  private final Rebuild rebuild;

  AdminResource(IngestAdmin admin, Rebuild rebuild) {
    this.admin = admin;
    this.rebuild = rebuild;
  }

  @GetMapping("/dead-letters")
  @Operation(summary = "Changes that could not be indexed: record, reason, attempts; no content")
  DeadLetters deadLetters() throws IOException {
    return new DeadLetters(admin.deadLetters());
  }

  @PostMapping("/dead-letters/{id}/retry")
  @Operation(summary = "Read the change again from its source and index it")
  RetryResult retry(@PathVariable String id) throws IOException {
    IngestAdmin.DeadLetterView letter =
        admin.deadLetter(id).orElseThrow(() -> ApiProblem.notFound("Dead letter " + id));
    return admin
        .retry(letter)
        .map(still -> new RetryResult(false, still))
        .orElseGet(() -> new RetryResult(true, null));
  }

  @PostMapping("/reindex")
  @Operation(summary = "Rebuild the index from every source's snapshot, swapping an alias")
  ResponseEntity<Rebuild.Progress> reindex() {
    if (!rebuild.here()) {
      throw ApiProblem.conflict(
          "Another instance of search-service holds the ingest lease and rebuilds; try again");
    }
    return rebuild
        .start()
        .map(p -> ResponseEntity.status(HttpStatus.ACCEPTED).body(p))
        .orElseThrow(() -> ApiProblem.conflict("A rebuild is already running"));
  }

  @GetMapping("/reindex")
  @Operation(summary = "Progress of the running or last rebuild: done/total, rate, ETA")
  Rebuild.Progress reindexProgress() {
    return rebuild.progress().orElseThrow(() -> ApiProblem.notFound("A rebuild"));
  }

  @GetMapping("/ingest")
  @Operation(summary = "Checkpoint, head and lag per source")
  List<IngestAdmin.SourceView> ingest() {
    return admin.sources();
  }

  record DeadLetters(List<IngestAdmin.DeadLetterView> deadLetters) {}

  /** {@code indexed} true when the change is now in the index (or superseded by a newer one). */
  record RetryResult(boolean indexed, IngestAdmin.DeadLetterView deadLetter) {}
}
