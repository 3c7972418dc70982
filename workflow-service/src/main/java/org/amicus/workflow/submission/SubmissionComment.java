package org.amicus.workflow.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A remark on a submission, tied to the revision it was made on; its body is sealed at rest. */
@Entity
@Table(name = "submission_comment")
class SubmissionComment {

  @Id private UUID id;

  @Column(name = "submission_id")
  private UUID submissionId;

  private int revision;
  private String author;

  @Column(name = "author_organisation")
  private String authorOrganisation;

  @Convert(converter = SealedCommentBody.class)
  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  protected SubmissionComment() {}

  SubmissionComment(
      UUID submissionId,
      int revision,
      String author,
      String authorOrganisation,
      String body,
      Instant at) {
    this.id = UUID.randomUUID();
    this.submissionId = submissionId;
    this.revision = revision;
    this.author = author;
    this.authorOrganisation = authorOrganisation;
    this.body = body;
    this.createdAt = at;
  }

  UUID id() {
    return id;
  }

  int revision() {
    return revision;
  }

  String author() {
    return author;
  }

  String authorOrganisation() {
    return authorOrganisation;
  }

  String body() {
    return body;
  }

  Instant createdAt() {
    return createdAt;
  }
}
