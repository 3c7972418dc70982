package org.amicus.workflow.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amicus.platform.encryption.Encryption;
import org.amicus.workflow.encryption.SealedColumns;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outgoing rendering of a submission's current revision, as reviewers and co-signers read and
 * approve it, and the approvals given for it.
 *
 * <p>A rendering is the pseudonymised text laid out as the document that is sent. Its bytes are
 * stored once per (submission, revision, SHA-256) and reused whenever the outgoing text and the
 * consents it relies on are the same, so the preview a reviewer reads is the document they approve,
 * and the document dispatched is the one the last approval or sign-off was given for.
 */
@Service
public class Renderings {

  private static final String TITLE = SealedColumns.RENDERING_TITLE.purpose();
  private static final String DOCUMENT = SealedColumns.RENDERING_DOCUMENT.purpose();

  private final SubmissionChecks checks;
  private final DocumentRenderer renderer;
  private final DispatchProperties properties;
  private final JdbcTemplate jdbc;
  private final Encryption encryption;
  private final Clock clock;

  Renderings(
      SubmissionChecks checks,
      DocumentRenderer renderer,
      DispatchProperties properties,
      JdbcTemplate jdbc,
      Encryption encryption,
      Clock clock) {
    this.checks = checks;
    this.renderer = renderer;
    this.properties = properties;
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.clock = clock;
  }

  /**
   * The rendering of the submission's current revision as it would go out now (names replaced as
   * consent stands today), stored so that approving it keeps these bytes.
   */
  @Transactional
  public Rendering current(SubmissionSnapshot submission) {
    SubmissionChecks.People people = checks.people(submission);
    OutgoingDocument outgoing = OutgoingDocument.of(submission, people, properties);
    List<Long> consentOf = consentOf(people);
    String baseName = baseName(submission);
    String fingerprint =
        fingerprint(outgoing, baseName, submission.type().format().name(), consentOf);
    Stored stored =
        byFingerprint(submission.id(), submission.revision(), fingerprint)
            .orElseGet(
                () -> {
                  RenderedDocument rendered =
                      renderer.render(outgoing, submission.type().format(), baseName);
                  jdbc.update(
                      "insert into submission_rendering (submission_id, revision, sha256,"
                          + " fingerprint, title, file_name, media_type, document, consent_of,"
                          + " rendered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?)"
                          + " on conflict do nothing",
                      submission.id(),
                      submission.revision(),
                      rendered.sha256(),
                      fingerprint,
                      encryption.sealText(outgoing.title(), TITLE),
                      rendered.fileName(),
                      rendered.mediaType(),
                      encryption.seal(rendered.bytes(), DOCUMENT),
                      consentOf.stream()
                          .map(String::valueOf)
                          .collect(Collectors.joining(",", "{", "}")),
                      Timestamp.from(clock.instant()));
                  // Another request may have stored the same text first: what is stored is what
                  // is approved.
                  return byFingerprint(submission.id(), submission.revision(), fingerprint)
                      .orElseThrow();
                });
    return new Rendering(
        submission.revision(),
        outgoing.title(),
        outgoing.kind(),
        outgoing.submitters().stream()
            .map(
                s ->
                    s.lead()
                        ? s.name() + " (lead organisation)"
                        : s.name() + ": " + s.description())
            .toList(),
        outgoing.blocks().stream().map(b -> new Rendering.Block(b.number(), b.text())).toList(),
        stored.fileName(),
        stored.mediaType(),
        stored.sha256(),
        stored.document());
  }

  /**
   * Records an approval or sign-off of the submission's current revision with the SHA-256 of its
   * rendering; returns that rendering.
   */
  @Transactional
  public Rendering approve(
      SubmissionSnapshot submission,
      String taskKey,
      String decision,
      String username,
      String organisation) {
    Rendering rendering = current(submission);
    jdbc.update(
        "insert into submission_approval (submission_id, revision, task_key, decision,"
            + " approved_by, approver_organisation, approved_at, sha256)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        submission.id(),
        submission.revision(),
        taskKey,
        decision,
        username,
        organisation,
        Timestamp.from(clock.instant()),
        rendering.sha256());
    return rendering;
  }

  /** Every approval and sign-off of the submission, oldest first. */
  @Transactional(readOnly = true)
  public List<Approval> approvals(UUID submissionId) {
    return jdbc.query(
        "select * from submission_approval where submission_id = ? order by id",
        (rs, row) ->
            new Approval(
                rs.getInt("revision"),
                rs.getString("task_key"),
                rs.getString("decision"),
                rs.getString("approved_by"),
                rs.getString("approver_organisation"),
                rs.getTimestamp("approved_at").toInstant(),
                rs.getString("sha256")),
        submissionId);
  }

  /** The last approval or sign-off of the submission, with the rendering it was given for. */
  Optional<Approved> lastApproved(UUID submissionId) {
    return jdbc
        .query(
            "select a.sha256 as approved_sha256, r.* from submission_approval a"
                + " join submission_rendering r on r.submission_id = a.submission_id"
                + " and r.revision = a.revision and r.sha256 = a.sha256"
                + " where a.submission_id = ? order by a.id desc limit 1",
            (rs, row) -> new Approved(rs.getString("approved_sha256"), stored(rs, row)),
            submissionId)
        .stream()
        .findFirst();
  }

  private Optional<Stored> byFingerprint(UUID submissionId, int revision, String fingerprint) {
    return jdbc
        .query(
            "select * from submission_rendering"
                + " where submission_id = ? and revision = ? and fingerprint = ?",
            this::stored,
            submissionId,
            revision,
            fingerprint)
        .stream()
        .findFirst();
  }

  /**
   * Persons named as written because everyone a place may name consented: the rendering relies on
   * their consent, which dispatch asks cases-service for again.
   */
  private static List<Long> consentOf(SubmissionChecks.People people) {
    return people.spans().stream()
        .filter(s -> !s.protectedName())
        .flatMap(s -> s.candidates().stream())
        .map(SubmissionChecks.Candidate::id)
        .distinct()
        .sorted()
        .toList();
  }

  /** Type, id and revision only: the file name never carries a title or a name. */
  private static String baseName(SubmissionSnapshot submission) {
    return "%s-%s-r%d"
        .formatted(
            submission.type().name().toLowerCase().replace('_', '-'),
            submission.id().toString().substring(0, 8),
            submission.revision());
  }

  private static String fingerprint(
      OutgoingDocument outgoing, String baseName, String format, List<Long> consentOf) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Fingerprint f = new Fingerprint(digest);
      f.add(baseName).add(format).add(outgoing.title()).add(outgoing.kind());
      outgoing.submitters().forEach(s -> f.add(s.name()).add(s.description()));
      outgoing.blocks().forEach(b -> f.add(String.valueOf(b.number())).add(b.text()));
      consentOf.forEach(id -> f.add(String.valueOf(id)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** Each text length-prefixed, so that no two different documents digest the same input. */
  private record Fingerprint(MessageDigest digest) {
    Fingerprint add(String text) {
      byte[] bytes = text == null ? new byte[] {-1} : text.getBytes(StandardCharsets.UTF_8);
      digest.update(String.valueOf(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
      return this;
    }
  }

  private Stored stored(ResultSet rs, int row) throws SQLException {
    Long[] consentOf = (Long[]) rs.getArray("consent_of").getArray();
    return new Stored(
        rs.getObject("submission_id", UUID.class),
        rs.getInt("revision"),
        rs.getString("sha256"),
        encryption.openText(rs.getBytes("title"), TITLE),
        rs.getString("file_name"),
        rs.getString("media_type"),
        encryption.open(rs.getBytes("document"), DOCUMENT),
        List.copyOf(Arrays.asList(consentOf)));
  }

  /** A stored rendering: the bytes, their SHA-256 and whose consent they rely on. */
  record Stored(
      UUID submissionId,
      int revision,
      String sha256,
      String title,
      String fileName,
      String mediaType,
      byte[] document,
      List<Long> consentOf) {}

  /**
   * The last approval and its rendering.
   *
   * @param sha256 the SHA-256 recorded on the approval
   */
  record Approved(String sha256, Stored rendering) {}

  /**
   * The outgoing rendering of a revision, as a reviewer reads it.
   *
   * @param title the title as it goes out (also the email's subject)
   * @param submittedBy the cover's lines: each submitting organisation
   * @param blocks headings (number null) and numbered paragraphs
   * @param sha256 of {@code document}, as an approval records it
   */
  public record Rendering(
      int revision,
      String title,
      String kind,
      List<String> submittedBy,
      List<Block> blocks,
      String fileName,
      String mediaType,
      String sha256,
      byte[] document) {

    public record Block(Integer number, String text) {}
  }

  /** An approval or sign-off, and the SHA-256 of the document it was given for. */
  public record Approval(
      int revision,
      String taskKey,
      String decision,
      String approvedBy,
      String approverOrganisation,
      Instant approvedAt,
      String sha256) {}
}
