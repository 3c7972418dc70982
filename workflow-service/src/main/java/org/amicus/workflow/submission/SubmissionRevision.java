package org.amicus.workflow.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One saved revision of a submission's content (sealed at rest); never changed once written. */
@Entity
@Immutable
@Table(name = "submission_revision")
class SubmissionRevision {

  @EmbeddedId private Key key;

  @Convert(converter = SealedRevisionContent.class)
  private String content;

  @Column(name = "saved_by")
  private String savedBy;

  @Column(name = "saved_at")
  private Instant savedAt;

  protected SubmissionRevision() {}

  SubmissionRevision(UUID submissionId, int revision, String content, String savedBy, Instant at) {
    this.key = new Key(submissionId, revision);
    this.content = content;
    this.savedBy = savedBy;
    this.savedAt = at;
  }

  int revision() {
    return key.revision();
  }

  String content() {
    return content;
  }

  String savedBy() {
    return savedBy;
  }

  Instant savedAt() {
    return savedAt;
  }

  @Embeddable
  record Key(@Column(name = "submission_id") UUID submissionId, int revision)
      implements Serializable {}
}
