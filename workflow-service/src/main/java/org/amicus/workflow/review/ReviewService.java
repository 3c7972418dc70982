package org.amicus.workflow.review;

import static org.amicus.workflow.review.SubmissionReviewProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.workflow.submission.SubmissionAccess;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionLinks;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends submissions into the review process and keeps their status in step with it. */
@Service
public class ReviewService {

  private final SubmissionService submissions;
  private final SubmissionChecks checks;
  private final SubmissionLinks links;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;
  private final DeadlineTimers timers;
  private final Notifications notifications;

  ReviewService(
      SubmissionService submissions,
      SubmissionChecks checks,
      SubmissionLinks links,
      RuntimeService runtime,
      TaskService tasks,
      HistoryService history,
      ManagementService management,
      DeadlineTimers timers,
      Notifications notifications) {
    this.submissions = submissions;
    this.checks = checks;
    this.links = links;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.management = management;
    this.timers = timers;
    this.notifications = notifications;
  }

  /**
   * Runs the checks and sends a draft to review, or a returned draft back to review. {@code
   * expectedLockVersion} is what the authors last saw, so they never submit a version they have not
   * read.
   */
  @Transactional
  public Submitted submit(Caller caller, UUID id, long expectedLockVersion) {
    SubmissionSnapshot submission = submissions.get(caller, id);
    if (!SubmissionAccess.isAuthor(caller, submission)) {
      throw ApiProblem.forbidden("Only the lead organisation's staff submit a submission");
    }
    if (submission.lockVersion() != expectedLockVersion) {
      throw ApiProblem.preconditionFailed(
          "The submission was changed by someone else; reload it before submitting");
    }
    return switch (submission.status()) {
      case DRAFT -> start(caller, submission);
      case RETURNED -> resubmitted(caller, submission, reviseTask(submission));
      default ->
          throw ApiProblem.conflict(
              "Only a draft or a returned submission can be submitted; it is "
                  + submission.status());
    };
  }

  private Submitted start(Caller caller, SubmissionSnapshot submission) {
    links.check(submission.content());
    SubmissionChecks.People people = checks.check(submission);
    Map<String, Object> variables = roundVariables(submission, people);
    variables.put(SUBMISSION_ID, submission.id().toString());
    variables.put(LEAD_ORGANISATION, submission.leadOrganisation());
    variables.putAll(timers.variables(submission.content().deadline()));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(PROCESS_KEY, submission.id().toString(), variables);
    submissions.attachProcess(submission.id(), instance.getId());
    submissions.changeStatus(
        submission.id(),
        SubmissionStatus.DRAFT,
        caller.username(),
        caller.organisation().orElse(null),
        "SUBMITTED",
        // No detail: the authors read this history, and whether the text names someone must not
        // tell them that a record they cannot read matched.
        null);
    return new Submitted(refresh(submission.id()), people.warnings());
  }

  /** Completes the authors' revision task after the checks pass again. */
  SubmissionSnapshot resubmit(Caller caller, SubmissionSnapshot submission, Task revise) {
    return resubmitted(caller, submission, revise).submission();
  }

  private Submitted resubmitted(Caller caller, SubmissionSnapshot submission, Task revise) {
    links.check(submission.content());
    SubmissionChecks.People people = checks.check(submission);
    tasks.setAssignee(revise.getId(), caller.username());
    tasks.complete(revise.getId(), roundVariables(submission, people));
    submissions.changeStatus(
        submission.id(),
        SubmissionStatus.RETURNED,
        caller.username(),
        caller.organisation().orElse(null),
        "RESUBMITTED",
        null);
    return new Submitted(refresh(submission.id()), people.warnings());
  }

  /**
   * A submission now in review, with what its authors should know: persons named in the text who
   * are in none of the linked cases, by place only.
   */
  public record Submitted(
      SubmissionSnapshot submission, List<SubmissionChecks.NameWarning> warnings) {}

  /** Variables that may change between rounds of review. */
  private static Map<String, Object> roundVariables(
      SubmissionSnapshot submission, SubmissionChecks.People people) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REVISION, submission.revision());
    variables.put(SUBMISSION_TYPE, submission.type().name());
    variables.put(RISK_LEVEL, submission.content().riskLevel().name());
    variables.put(NAMES_PEOPLE, people.namesPeople());
    variables.put(CO_SIGNERS, new ArrayList<>(submission.content().coSigningOrganisations()));
    variables.put(SIGN_OFF_DECLINED, false);
    variables.put(REVIEW_APPROVERS, "");
    variables.put(DISPATCH_STOPPED, false);
    return variables;
  }

  private Task reviseTask(SubmissionSnapshot submission) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(submission.id().toString())
        .taskDefinitionKey(TASK_REVISE)
        .singleResult();
  }

  /** Records the target's receipt; the process ends. */
  @Transactional
  public SubmissionSnapshot acknowledge(Caller caller, UUID id, String reference) {
    SubmissionSnapshot submission = submissions.get(caller, id);
    if (!SubmissionAccess.isAuthor(caller, submission)
        && !caller.has(org.amicus.platform.security.Role.COORDINATOR)) {
      throw ApiProblem.forbidden("Only the authors or a coordinator record an acknowledgement");
    }
    if (submission.status() != SubmissionStatus.SENT) {
      throw ApiProblem.conflict(
          "Only a sent submission can be acknowledged; it is " + submission.status());
    }
    runtime
        .createMessageCorrelation(MESSAGE_ACKNOWLEDGED)
        .processInstanceBusinessKey(id.toString())
        .correlate();
    submissions.changeStatus(
        id,
        SubmissionStatus.SENT,
        caller.username(),
        caller.organisation().orElse(null),
        "ACKNOWLEDGED",
        reference);
    return refresh(id);
  }

  /** Sets the submission's status from where its process stands now. */
  @Transactional
  public SubmissionSnapshot refresh(UUID id) {
    SubmissionSnapshot submission = submissions.find(id);
    if (submission.processInstanceId() == null) {
      return submission;
    }
    SubmissionStatus status = statusOf(submission.processInstanceId(), submission.status());
    SubmissionSnapshot updated = submissions.changeStatus(id, status, "system", null, null, null);
    if (updated.status() != submission.status()) {
      notifications.statusChanged(updated);
    }
    return updated;
  }

  private SubmissionStatus statusOf(String processInstanceId, SubmissionStatus current) {
    ProcessInstance running =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (running == null) {
      HistoricProcessInstance ended =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceId(processInstanceId)
              .singleResult();
      if (ended == null || ended.getEndActivityId() == null) {
        return current;
      }
      return switch (ended.getEndActivityId()) {
        case END_REJECTED -> SubmissionStatus.REJECTED;
        case END_ACKNOWLEDGED -> SubmissionStatus.ACKNOWLEDGED;
        case END_MISSED_DEADLINE -> SubmissionStatus.MISSED_DEADLINE;
        default -> current;
      };
    }
    List<String> active = runtime.getActiveActivityIds(processInstanceId);
    if (active.contains(TASK_REVISE)) {
      return SubmissionStatus.RETURNED;
    }
    if (active.contains(TASK_REVIEW)
        || active.contains(TASK_LEGAL_REVIEW)
        || active.contains(TASK_DECIDE_REVIEW_POLICY)) {
      return SubmissionStatus.IN_REVIEW;
    }
    if (active.contains(TASK_CO_SIGNER_SIGN_OFF)) {
      return SubmissionStatus.AWAITING_SIGNATURES;
    }
    if (active.contains(TASK_AWAIT_ACKNOWLEDGEMENT)) {
      return SubmissionStatus.SENT;
    }
    boolean dispatching =
        active.contains(TASK_DISPATCH)
            || management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .activityId(TASK_DISPATCH)
                    .count()
                > 0;
    return dispatching ? SubmissionStatus.APPROVED : current;
  }
}
