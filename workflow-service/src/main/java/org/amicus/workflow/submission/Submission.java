package org.amicus.workflow.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submission's current state; its content is a JSON document ({@link SubmissionContent}), sealed
 * at rest. The co-signing organisations are kept beside it in the clear, so lists can find what an
 * organisation co-signs.
 */
@Entity
@Table(name = "submission")
class Submission {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private SubmissionType type;

  @Enumerated(EnumType.STRING)
  private SubmissionType.Target target;

  @Column(name = "lead_organisation")
  private String leadOrganisation;

  @Enumerated(EnumType.STRING)
  private SubmissionStatus status;

  private int revision;

  @Convert(converter = SealedSubmissionContent.class)
  private String content;

  /** The co-signers of {@link #content} without their descriptions: [{"organisation": "fidu"}]. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "co_signers")
  private String coSigners;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** Bumped on every change; the ETag clients send back in If-Match. */
  @Version
  @Column(name = "lock_version")
  private long lockVersion;

  protected Submission() {}

  Submission(
      UUID id,
      SubmissionType type,
      SubmissionType.Target target,
      String leadOrganisation,
      String createdBy,
      Instant now) {
    this.id = id;
    this.type = type;
    this.target = target;
    this.leadOrganisation = leadOrganisation;
    this.status = SubmissionStatus.DRAFT;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  UUID id() {
    return id;
  }

  SubmissionType type() {
    return type;
  }

  SubmissionType.Target target() {
    return target;
  }

  String leadOrganisation() {
    return leadOrganisation;
  }

  SubmissionStatus status() {
    return status;
  }

  int revision() {
    return revision;
  }

  String content() {
    return content;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  long lockVersion() {
    return lockVersion;
  }

  /** Saves new content as the next revision; returns its number. */
  int revise(SubmissionType type, SubmissionType.Target target, String content, Instant now) {
    this.type = type;
    this.target = target;
    this.content = content;
    this.coSigners = coSignersOf(content);
    this.revision++;
    this.updatedAt = now;
    return revision;
  }

  void status(SubmissionStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  void processInstanceId(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private static String coSignersOf(String content) {
    try {
      ArrayNode organisations = JSON.createArrayNode();
      for (JsonNode coSigner : JSON.readTree(content).path("coSigners")) {
        organisations.addObject().put("organisation", coSigner.path("organisation").asText());
      }
      return JSON.writeValueAsString(organisations);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Submission content is not JSON", e);
    }
  }
}
