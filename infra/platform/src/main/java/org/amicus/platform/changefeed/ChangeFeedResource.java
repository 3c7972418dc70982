package org.amicus.platform.changefeed;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change feed search-service pulls; open only to the {@code indexer} role. */
@RestController
@Validated
class ChangeFeedResource {

  private final Outbox outbox;

  ChangeFeedResource(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/internal/changes")
  @Operation(summary = "Changes after a sequence number, oldest first")
  ChangeBatch changes(
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
    return outbox.after(after, limit);
  }

  @GetMapping("/internal/snapshot")
  @Operation(summary = "The current state of every record, for a full rebuild")
  ChangeBatch snapshot(
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
    return outbox.snapshot(after, limit);
  }

  @GetMapping("/internal/changes/head")
  @Operation(summary = "The newest sequence number; a rebuild follows the feed from here")
  long head() {
    return outbox.head();
  }
}
