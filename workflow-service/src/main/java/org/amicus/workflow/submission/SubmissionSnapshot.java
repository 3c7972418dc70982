package org.amicus.workflow.submission;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission as the rest of the service sees it (the entity never leaves this package).
 *
 * @param revision the number of the latest saved revision of {@code content}
 * @param lockVersion changes with every write; the ETag
 */
public record SubmissionSnapshot(
    UUID id,
    SubmissionType type,
    SubmissionType.Target target,
    String leadOrganisation,
    SubmissionStatus status,
    int revision,
    SubmissionContent content,
    String processInstanceId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long lockVersion) {

  public String etag() {
    return "\"" + lockVersion + "\"";
  }
}
