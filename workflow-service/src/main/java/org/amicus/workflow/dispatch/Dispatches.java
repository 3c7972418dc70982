package org.amicus.workflow.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amicus.platform.encryption.Encryption;
import org.amicus.workflow.encryption.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatch records: one per approved revision of a submission. The document is sealed at rest;
 * its SHA-256 is of the bytes sent.
 */
@Component
class Dispatches {

  private static final String DOCUMENT = SealedColumns.DISPATCH_DOCUMENT.purpose();

  private final JdbcTemplate jdbc;
  private final Encryption encryption;

  Dispatches(JdbcTemplate jdbc, Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  Optional<Dispatch> find(UUID submissionId, int revision) {
    return jdbc
        .query(
            "select * from dispatch where submission_id = ? and revision = ?",
            this::dispatch,
            submissionId,
            revision)
        .stream()
        .findFirst();
  }

  List<Dispatch> of(UUID submissionId) {
    return jdbc.query(
        "select * from dispatch where submission_id = ? order by revision",
        this::dispatch,
        submissionId);
  }

  /**
   * Records a prepared dispatch, replacing one of the same revision that was never sent (its
   * revision was returned and approved again); false when this revision was sent already.
   */
  boolean prepare(Dispatch d) {
    return jdbc.update(
            "insert into dispatch (submission_id, revision, message_id, recipient, file_name,"
                + " media_type, sha256, document, status, prepared_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 'PREPARED', now())"
                + " on conflict (submission_id, revision) do update set"
                + " recipient = excluded.recipient, file_name = excluded.file_name,"
                + " media_type = excluded.media_type, sha256 = excluded.sha256,"
                + " document = excluded.document, prepared_at = excluded.prepared_at"
                + " where dispatch.status <> 'SENT'",
            d.submissionId(),
            d.revision(),
            d.messageId(),
            d.recipient(),
            d.fileName(),
            d.mediaType(),
            d.sha256(),
            encryption.seal(d.document(), DOCUMENT))
        == 1;
  }

  void sent(UUID submissionId, int revision) {
    jdbc.update(
        "update dispatch set status = 'SENT', sent_at = now()"
            + " where submission_id = ? and revision = ?",
        submissionId,
        revision);
  }

  private Dispatch dispatch(ResultSet rs, int row) throws SQLException {
    return new Dispatch(
        rs.getObject("submission_id", UUID.class),
        rs.getInt("revision"),
        rs.getString("message_id"),
        rs.getString("recipient"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getString("sha256"),
        encryption.open(rs.getBytes("document"), DOCUMENT),
        "SENT".equals(rs.getString("status")),
        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
  }
}
