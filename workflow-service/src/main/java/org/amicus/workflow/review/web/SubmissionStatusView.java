package org.amicus.workflow.review.web;

import java.util.UUID;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;

/** Where a submission stands after an action on it. */
record SubmissionStatusView(UUID id, SubmissionStatus status, int revision) {

  static SubmissionStatusView of(SubmissionSnapshot s) {
    return new SubmissionStatusView(s.id(), s.status(), s.revision());
  }
}
