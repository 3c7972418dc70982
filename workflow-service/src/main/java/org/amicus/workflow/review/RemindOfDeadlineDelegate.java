package org.amicus.workflow.review;

import java.util.UUID;
import org.amicus.workflow.submission.SubmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemindAuthors}: the deadline is near and the submission is not yet approved. */
@Component
class RemindOfDeadlineDelegate implements JavaDelegate {

  private final SubmissionService submissions;
  private final Notifications notifications;

  RemindOfDeadlineDelegate(SubmissionService submissions, Notifications notifications) {
    this.submissions = submissions;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id =
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID));
    var submission = submissions.find(id);
    submissions.changeStatus(id, submission.status(), "system", null, "DEADLINE_REMINDER", null);
    notifications.deadlineApproaching(submission);
  }
}
