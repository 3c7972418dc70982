package org.amicus.workflow.submission.web;

import java.time.Instant;
import java.util.UUID;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.amicus.workflow.submission.SubmissionType;
import org.amicus.workflow.submission.WordCount;

/** A submission as the API shows it. */
record SubmissionView(
    UUID id,
    SubmissionType type,
    SubmissionType.Target target,
    String leadOrganisation,
    SubmissionStatus status,
    int revision,
    int words,
    Integer wordLimit,
    SubmissionContent content,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  static SubmissionView of(SubmissionSnapshot s) {
    return new SubmissionView(
        s.id(),
        s.type(),
        s.target(),
        s.leadOrganisation(),
        s.status(),
        s.revision(),
        WordCount.of(s.content()),
        s.type().wordLimit().isPresent() ? s.type().wordLimit().getAsInt() : null,
        s.content(),
        s.createdBy(),
        s.createdAt(),
        s.updatedAt());
  }
}
