package org.amicus.workflow.review;

import static org.amicus.workflow.review.SubmissionReviewProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.workflow.dispatch.Renderings;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task inbox: who may see, claim and complete which task, and what each decision means.
 * Candidate groups narrow who sees a task; the rules here decide who may act on it (a co-signer's
 * task only by a partner of that organisation).
 */
@Service
public class ReviewTasks {

  /** The decisions each kind of task accepts, and which of them need a comment. */
  enum Kind {
    REVIEW(TASK_REVIEW, Set.of(APPROVE, RETURN, REJECT), Set.of(RETURN, REJECT)),
    LEGAL_REVIEW(TASK_LEGAL_REVIEW, Set.of(APPROVE, RETURN), Set.of(RETURN)),
    SIGN_OFF(TASK_CO_SIGNER_SIGN_OFF, Set.of("SIGN", "DECLINE"), Set.of("DECLINE")),
    REVISE(TASK_REVISE, Set.of("RESUBMIT"), Set.of()),
    FOLLOW_UP(TASK_FOLLOW_UP_OVERDUE, Set.of("DONE"), Set.of());

    final String taskKey;
    final Set<String> decisions;
    final Set<String> commentRequired;

    Kind(String taskKey, Set<String> decisions, Set<String> commentRequired) {
      this.taskKey = taskKey;
      this.decisions = decisions;
      this.commentRequired = commentRequired;
    }

    static Kind of(Task task) {
      return Arrays.stream(values())
          .filter(k -> k.taskKey.equals(task.getTaskDefinitionKey()))
          .findFirst()
          .orElseThrow(() -> ApiProblem.notFound("The task"));
    }
  }

  private final TaskService tasks;
  private final SubmissionService submissions;
  private final ReviewService review;
  private final Renderings renderings;

  ReviewTasks(
      TaskService tasks,
      SubmissionService submissions,
      ReviewService review,
      Renderings renderings) {
    this.tasks = tasks;
    this.submissions = submissions;
    this.review = review;
    this.renderings = renderings;
  }

  /**
   * What the task's submission sends as things stand: the pseudonymised text and the document, the
   * same bytes an approval or sign-off now records. Only for who may act on the task (404 for
   * anyone else, as for the task itself). Not read-only: the rendering is stored, so that what is
   * read here is what is approved.
   */
  @Transactional
  public Renderings.Rendering rendering(Caller caller, String taskId) {
    Task task = actionable(caller, taskId);
    return renderings.current(submissions.find(submissionOf(task)));
  }

  /** Tasks assigned to the caller, and unassigned tasks of the caller's groups. */
  @Transactional(readOnly = true)
  public List<TaskView> inbox(Caller caller) {
    List<String> groups = groups(caller);
    var query = tasks.createTaskQuery();
    List<Task> found =
        groups.isEmpty()
            ? query.taskAssignee(caller.username()).list()
            : query
                .or()
                .taskAssignee(caller.username())
                .taskCandidateGroupIn(groups)
                .endOr()
                .orderByTaskCreateTime()
                .asc()
                .list();
    Map<UUID, Set<String>> authors = new HashMap<>();
    return found.stream()
        .filter(t -> mayAct(caller, t))
        .filter(
            t ->
                fourEyes(caller, t, authors.computeIfAbsent(submissionOf(t), submissions::authors))
                    == null)
        .map(this::view)
        .toList();
  }

  @Transactional
  public TaskView claim(Caller caller, String taskId) {
    Task task = actionable(caller, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
      throw ApiProblem.conflict("Someone else has claimed this task");
    }
    tasks.setAssignee(taskId, caller.username());
    return view(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  @Transactional
  public TaskView unclaim(Caller caller, String taskId) {
    Task task = actionable(caller, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
      throw ApiProblem.conflict("Only the person who claimed the task can hand it back");
    }
    tasks.setAssignee(taskId, null);
    return view(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  /** Completes a task with a decision; returns the submission as it now stands. */
  @Transactional
  public SubmissionSnapshot complete(
      Caller caller, String taskId, String decision, String comment) {
    Task task = actionable(caller, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
      throw ApiProblem.conflict("Someone else has claimed this task");
    }
    Kind kind = Kind.of(task);
    validate(kind, decision, comment);
    UUID submissionId = submissionOf(task);
    SubmissionSnapshot submission = submissions.find(submissionId);
    if (kind == Kind.REVISE) {
      return review.resubmit(caller, submission, task);
    }
    Map<String, Object> variables = new HashMap<>();
    String action;
    switch (kind) {
      case REVIEW -> {
        variables.put(REVIEW_DECISION, decision);
        if (APPROVE.equals(decision)) {
          List<String> next = new ArrayList<>(approvers(taskId));
          next.add(caller.username());
          variables.put(REVIEW_APPROVERS, String.join(",", next));
        }
        action = "REVIEW_" + past(decision);
      }
      case LEGAL_REVIEW -> {
        variables.put(LEGAL_DECISION, decision);
        action = "LEGAL_REVIEW_" + past(decision);
      }
      case FOLLOW_UP -> action = "OVERDUE_FOLLOWED_UP";
      case SIGN_OFF -> {
        if ("DECLINE".equals(decision)) {
          variables.put(SIGN_OFF_DECLINED, true);
        }
        action = "SIGN".equals(decision) ? "SIGNED_OFF" : "SIGN_OFF_DECLINED";
      }
      default -> throw new IllegalStateException("Unhandled task kind " + kind);
    }
    if (APPROVE.equals(decision) || "SIGN".equals(decision)) {
      // Recorded with the SHA-256 of what goes out; the dispatch sends these bytes.
      renderings.approve(
          submission,
          task.getTaskDefinitionKey(),
          decision,
          caller.username(),
          caller.organisation().orElse(null));
    }
    if (comment != null && !comment.isBlank()) {
      submissions.comment(caller, submissionId, comment);
    }
    tasks.setAssignee(taskId, caller.username());
    tasks.complete(taskId, variables);
    submissions.changeStatus(
        submissionId,
        submission.status(),
        caller.username(),
        caller.organisation().orElse(null),
        action,
        task.getName());
    return review.refresh(submissionId);
  }

  private static String past(String decision) {
    return switch (decision) {
      case APPROVE -> "APPROVED";
      case RETURN -> "RETURNED";
      case REJECT -> "REJECTED";
      default -> decision;
    };
  }

  private static void validate(Kind kind, String decision, String comment) {
    List<FieldError> errors = new ArrayList<>();
    if (decision == null || !kind.decisions.contains(decision)) {
      errors.add(
          new FieldError(
              "decision", "must be one of " + kind.decisions.stream().sorted().toList()));
    } else if (kind.commentRequired.contains(decision) && (comment == null || comment.isBlank())) {
      errors.add(new FieldError("comment", "is required to " + decision.toLowerCase()));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /**
   * The task if the caller may act on it. 404 when it is not theirs to see at all, so tasks of
   * others stay invisible; 409 with the reason when four eyes keep them from it (they wrote the
   * submission, so they know it and that it is in review: saying why reveals nothing new).
   */
  private Task actionable(Caller caller, String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !mayAct(caller, task)) {
      throw ApiProblem.notFound("The task");
    }
    String refused = fourEyes(caller, task, submissions.authors(submissionOf(task)));
    if (refused != null) {
      throw ApiProblem.conflict(refused);
    }
    return task;
  }

  /**
   * Why four eyes keep this caller from a task they could otherwise act on, or null. Nobody
   * reviews, legally reviews or signs off a submission they created, saved or (re)submitted; the
   * reviews one round needs are each by a different coordinator. The legal review may be done by a
   * coordinator who approved the round (it is a different check; docs/workflow.md).
   */
  private String fourEyes(Caller caller, Task task, Set<String> authors) {
    Kind kind = Kind.of(task);
    String verb =
        switch (kind) {
          case REVIEW -> "review it";
          case LEGAL_REVIEW -> "legally review it";
          case SIGN_OFF -> "sign it off";
          default -> null;
        };
    if (verb == null) {
      return null;
    }
    if (authors.contains(caller.username())) {
      return "You created or edited this submission, so someone who did not must "
          + verb
          + " (four eyes)";
    }
    if (kind == Kind.REVIEW && approvers(task.getId()).contains(caller.username())) {
      return "You already approved this round; the policy asks for another coordinator";
    }
    return null;
  }

  /** The usernames of this round's approvals so far. */
  private List<String> approvers(String taskId) {
    String approvers = (String) tasks.getVariable(taskId, REVIEW_APPROVERS);
    return approvers == null || approvers.isBlank() ? List.of() : List.of(approvers.split(","));
  }

  /** Whether this caller may claim and complete this task. */
  boolean mayAct(Caller caller, Task task) {
    String key = task.getTaskDefinitionKey();
    if (TASK_REVIEW.equals(key)
        || TASK_LEGAL_REVIEW.equals(key)
        || TASK_FOLLOW_UP_OVERDUE.equals(key)) {
      return caller.has(Role.COORDINATOR);
    }
    if (TASK_CO_SIGNER_SIGN_OFF.equals(key)) {
      Object organisation = tasks.getVariable(task.getId(), CO_SIGNER);
      return caller.has(Role.PARTNER) && organisation instanceof String org && caller.memberOf(org);
    }
    if (TASK_REVISE.equals(key)) {
      Object organisation = tasks.getVariable(task.getId(), LEAD_ORGANISATION);
      return (caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR))
          && organisation instanceof String org
          && caller.memberOf(org);
    }
    return false;
  }

  private static List<String> groups(Caller caller) {
    List<String> groups = new ArrayList<>();
    if (caller.has(Role.COORDINATOR)) {
      groups.add(COORDINATOR_GROUP);
    }
    if (caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR)) {
      caller.organisation().map(SubmissionReviewProcess::organisationGroup).ifPresent(groups::add);
    }
    return groups;
  }

  private UUID submissionOf(Task task) {
    return UUID.fromString((String) tasks.getVariable(task.getId(), SUBMISSION_ID));
  }

  private TaskView view(Task task) {
    UUID submissionId = submissionOf(task);
    SubmissionSnapshot submission = submissions.find(submissionId);
    Kind kind = Kind.of(task);
    Object organisation = kind == Kind.SIGN_OFF ? tasks.getVariable(task.getId(), CO_SIGNER) : null;
    Object overdue = kind == Kind.FOLLOW_UP ? tasks.getVariable(task.getId(), OVERDUE) : null;
    return new TaskView(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        submissionId,
        submission.content().title(),
        submission.type().name(),
        submission.content().deadline(),
        (String) organisation,
        task.getAssignee(),
        task.getCreateTime().toInstant(),
        kind.decisions.stream().sorted().toList(),
        (String) overdue);
  }

  /**
   * A task as the inbox shows it.
   *
   * @param organisation for a sign-off task, the organisation that signs
   * @param decisions what the task can be completed with
   * @param overdue for a coordinators' follow-up task, what was still open when the deadline came
   *     close
   */
  public record TaskView(
      String id,
      String taskKey,
      String name,
      UUID submissionId,
      String submissionTitle,
      String submissionType,
      java.time.LocalDate deadline,
      String organisation,
      String assignee,
      Instant createdAt,
      List<String> decisions,
      String overdue) {}
}
