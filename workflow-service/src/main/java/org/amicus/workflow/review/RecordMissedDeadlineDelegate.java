package org.amicus.workflow.review;

import java.util.UUID;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordMissedDeadline}: the deadline passed before the submission was sent. */
@Component
class RecordMissedDeadlineDelegate implements JavaDelegate {

  private final SubmissionService submissions;
  private final Notifications notifications;

  RecordMissedDeadlineDelegate(SubmissionService submissions, Notifications notifications) {
    this.submissions = submissions;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id =
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID));
    var missed =
        submissions.changeStatus(
            id, SubmissionStatus.MISSED_DEADLINE, "system", null, "MISSED_DEADLINE", null);
    notifications.statusChanged(missed);
  }
}
