package org.amicus.workflow.submission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal of what happened to a submission, in Amicus' words (created, saved, submitted,
 * decided, sent...). Written in the transaction of the change it records.
 */
@Component
public class SubmissionEvents {

  private final JdbcTemplate jdbc;

  SubmissionEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
        detail);
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
                rs.getString("detail")),
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
