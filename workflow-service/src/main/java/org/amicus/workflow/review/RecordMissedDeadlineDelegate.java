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

  RecordMissedDeadlineDelegate(SubmissionService submissions) {
    this.submissions = submissions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id =
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID));
    submissions.changeStatus(
        id, SubmissionStatus.MISSED_DEADLINE, "system", null, "MISSED_DEADLINE", null);
  }
}
