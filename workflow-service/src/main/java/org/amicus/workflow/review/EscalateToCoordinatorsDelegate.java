package org.amicus.workflow.review;

import static org.amicus.workflow.review.SubmissionReviewProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amicus.workflow.submission.SubmissionService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateToCoordinators}: days before the deadline and still not approved. Records
 * what is still open (the coordinators' follow-up task shows it) and alerts them by email.
 */
@Component
class EscalateToCoordinatorsDelegate implements JavaDelegate {

  private final SubmissionService submissions;
  private final Notifications notifications;
  private final TaskService tasks;

  EscalateToCoordinatorsDelegate(
      SubmissionService submissions, Notifications notifications, TaskService tasks) {
    this.submissions = submissions;
    this.notifications = notifications;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(SUBMISSION_ID));
    String overdue = overdue(execution.getProcessInstanceId());
    execution.setVariable(OVERDUE, overdue);
    var submission = submissions.find(id);
    submissions.changeStatus(id, submission.status(), "system", null, "ESCALATED", overdue);
    notifications.escalated(submission, overdue);
  }

  /** The open steps in the users' words, e.g. "Sign off as co-signing organisation (fidu)". */
  private String overdue(String processInstanceId) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .orderByTaskCreateTime()
            .asc()
            .list();
    List<String> steps =
        open.stream()
            .filter(t -> !TASK_FOLLOW_UP_OVERDUE.equals(t.getTaskDefinitionKey()))
            .map(this::describe)
            .toList();
    return steps.isEmpty() ? "the review" : String.join("; ", steps);
  }

  private String describe(Task task) {
    List<String> details = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case TASK_CO_SIGNER_SIGN_OFF ->
          details.add((String) tasks.getVariable(task.getId(), CO_SIGNER));
      case TASK_REVISE -> details.add((String) tasks.getVariable(task.getId(), LEAD_ORGANISATION));
      default -> {
        // coordinators' tasks: the name says it all
      }
    }
    if (task.getAssignee() != null) {
      details.add("claimed by " + task.getAssignee());
    }
    return details.isEmpty()
        ? task.getName()
        : task.getName() + " (" + String.join(", ", details) + ")";
  }
}
