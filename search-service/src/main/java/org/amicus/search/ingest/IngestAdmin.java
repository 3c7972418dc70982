package org.amicus.search.ingest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What admins may see and do about ingest; never any record content. */
@Component
public class IngestAdmin {

  private final Ingest ingest;
  private final IngestState state;

  IngestAdmin(Ingest ingest, IngestState state) {
    this.ingest = ingest;
    this.state = state;
  }

  public List<DeadLetterView> deadLetters() throws IOException {
    return state.deadLetters().stream().map(IngestAdmin::view).toList();
  }

  public Optional<DeadLetterView> deadLetter(String id) throws IOException {
    return state.deadLetter(id).map(IngestAdmin::view);
  }

  /** Empty when the change is indexed now; else the dead letter, one attempt more. */
  public Optional<DeadLetterView> retry(DeadLetterView letter) throws IOException {
    IngestState.DeadLetter stored =
        state.deadLetter(letter.id()).orElseThrow(() -> new IllegalStateException("gone"));
    return ingest.retry(stored).map(IngestAdmin::view);
  }

  public List<SourceView> sources() {
    return ingest.status().stream()
        .map(
            s ->
                new SourceView(
                    s.source(), s.checkpoint(), s.head(), s.lag(), s.lastSuccess(), s.lastError()))
        .toList();
  }

  private static DeadLetterView view(IngestState.DeadLetter d) {
    return new DeadLetterView(
        d.id(),
        d.source(),
        d.seq(),
        d.type(),
        d.recordId(),
        d.operation(),
        d.errorType(),
        d.reason(),
        d.attempts(),
        d.at());
  }

  public record DeadLetterView(
      String id,
      String source,
      long seq,
      String type,
      String recordId,
      String operation,
      String errorType,
      String reason,
      int attempts,
      String at) {}

  public record SourceView(
      String source, long checkpoint, long head, long lag, Instant lastSuccess, String lastError) {}
}
