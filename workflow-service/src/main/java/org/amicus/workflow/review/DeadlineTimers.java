package org.amicus.workflow.review;

import static org.amicus.workflow.review.SubmissionReviewProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.workflow.submission.DeadlineChanged;
import org.amicus.workflow.submission.SubmissionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The reminder, escalation and deadline timers of a submission's process, computed from its
 * deadline, and moved when the authors change the deadline of a running process (a returned draft):
 * the process variables are updated and each timer job that has not fired yet gets its new due
 * date.
 */
@Component
class DeadlineTimers {

  private static final Logger log = LoggerFactory.getLogger(DeadlineTimers.class);

  private final RuntimeService runtime;
  private final ManagementService management;
  private final ReviewProperties properties;
  private final SubmissionService submissions;
  private final Clock clock;

  DeadlineTimers(
      RuntimeService runtime,
      ManagementService management,
      ReviewProperties properties,
      SubmissionService submissions,
      Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.properties = properties;
    this.submissions = submissions;
    this.clock = clock;
  }

  /** The timer variables for a deadline: the deadline passes at the end of its day (UTC). */
  Map<String, Object> variables(LocalDate deadline) {
    Instant deadlineAt = deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(REMINDER_AT, Date.from(deadlineAt.minus(properties.reminderBefore())));
    variables.put(ESCALATE_AT, Date.from(deadlineAt.minus(properties.escalationBefore())));
    variables.put(DEADLINE_AT, Date.from(deadlineAt));
    return variables;
  }

  /**
   * Runs inside the saving transaction: a refused date (removed, or already passed) rolls the save
   * back with a 400 naming {@code deadline}.
   */
  @EventListener
  void deadlineChanged(DeadlineChanged change) {
    if (runtime
            .createProcessInstanceQuery()
            .processInstanceId(change.processInstanceId())
            .active()
            .count()
        == 0) {
      return; // the process has ended: no timers left to move
    }
    if (change.deadline() == null) {
      throw ApiProblem.invalid(
          List.of(new FieldError("deadline", "is required while the submission is in review")));
    }
    if (change.deadline().isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      throw ApiProblem.invalid(
          List.of(new FieldError("deadline", "passed on " + change.deadline())));
    }
    Map<String, Object> variables = variables(change.deadline());
    runtime.setVariables(change.processInstanceId(), variables);
    move(change, TIMER_REMINDER, (Date) variables.get(REMINDER_AT));
    move(change, TIMER_ESCALATION, (Date) variables.get(ESCALATE_AT));
    move(change, TIMER_DEADLINE, (Date) variables.get(DEADLINE_AT));
    var submission = submissions.find(change.submissionId());
    submissions.changeStatus(
        change.submissionId(),
        submission.status(),
        "system",
        null,
        "DEADLINE_MOVED",
        change.previous() + " → " + change.deadline());
  }

  /** A timer that already fired has no job any more: its reminder or alert is not repeated. */
  private void move(DeadlineChanged change, String timer, Date dueDate) {
    for (Job job :
        management
            .createJobQuery()
            .processInstanceId(change.processInstanceId())
            .activityId(timer)
            .timers()
            .list()) {
      management.setJobDuedate(job.getId(), dueDate);
      log.info("submission={} timer={} moved", change.submissionId(), timer);
    }
  }
}
