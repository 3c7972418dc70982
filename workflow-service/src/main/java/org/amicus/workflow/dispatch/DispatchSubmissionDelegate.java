package org.amicus.workflow.dispatch;

import java.util.UUID;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DispatchSubmission}: runs as an async job with retries; a failure past the retries
 * becomes an incident. Consent withdrawn after approval is the BPMN error {@code ConsentWithdrawn},
 * which returns the submission to its authors.
 */
@Component
class DispatchSubmissionDelegate implements JavaDelegate {

  private final Dispatcher dispatcher;

  DispatchSubmissionDelegate(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID submissionId =
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID));
    try {
      dispatcher.dispatch(submissionId);
    } catch (Dispatcher.ConsentWithdrawn e) {
      // Not a failure to retry: the process takes the submission back to its authors.
      dispatcher.returnToAuthors(submissionId, e.getMessage());
      execution.setVariable(SubmissionReviewProcess.DISPATCH_STOPPED, true);
      throw new BpmnError(SubmissionReviewProcess.ERROR_CONSENT_WITHDRAWN, e.getMessage());
    }
  }
}
