package org.amicus.workflow.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amicus.platform.encryption.Encryption;
import org.amicus.workflow.encryption.SealedColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal of what happened to a submission, in Amicus' words (created, saved, submitted,
 * decided, sent...). Written in the transaction of the change it records. The detail is free text
 * (an acknowledgement's reference, what was overdue), so it is sealed at rest.
 */
@Component
public class SubmissionEvents {

  private static final String DETAIL = SealedColumns.EVENT_DETAIL.purpose();

  private final JdbcTemplate jdbc;
  private final Encryption encryption;

  SubmissionEvents(JdbcTemplate jdbc, Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      UUID submissionId,
      String actor,
      String actorOrganisation,
      String action,
      Integer revision,
      String detail) {
    jdbc.update(
        "insert into submission_event (submission_id, at, actor, actor_organisation, action,"
            + " revision, detail) values (?, now(), ?, ?, ?, ?, ?)",
        submissionId,
        actor,
        actorOrganisation,
        action,
        revision,
        encryption.sealText(detail, DETAIL));
  }

  @Transactional(readOnly = true)
  public List<Event> of(UUID submissionId) {
    return jdbc.query(
        "select * from submission_event where submission_id = ? order by id",
        (rs, row) ->
            new Event(
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_organisation"),
                rs.getString("action"),
                (Integer) rs.getObject("revision"),
                encryption.openText(rs.getBytes("detail"), DETAIL)),
        submissionId);
  }

  /** One line of a submission's history. */
  public record Event(
      Instant at,
      String actor,
      String actorOrganisation,
      String action,
      Integer revision,
      String detail) {}
}
