package org.amicus.workflow.dispatch;

import java.util.UUID;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DispatchSubmission}: runs as an async job with retries; a failure past the retries
 * becomes an incident.
 */
@Component
class DispatchSubmissionDelegate implements JavaDelegate {

  private final Dispatcher dispatcher;

  DispatchSubmissionDelegate(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dispatcher.dispatch(
        UUID.fromString((String) execution.getVariable(SubmissionReviewProcess.SUBMISSION_ID)));
  }
}
