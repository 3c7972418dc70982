package org.amicus.workflow.review;

import java.util.UUID;
import org.amicus.workflow.submission.SubmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EscalateToCoordinators}: days before the deadline and still not approved. */
@Component
class EscalateToCoordinatorsDelegate implements JavaDelegate {

  private final SubmissionService submissions;
  private final Notifications notifications;

  EscalateToCoordinatorsDelegate(SubmissionService submissions, Notifications notifications) {
    this.submissions = submissions;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id =
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID));
    var submission = submissions.find(id);
    submissions.changeStatus(id, submission.status(), "system", null, "ESCALATED", null);
    notifications.escalated(submission);
  }
}
