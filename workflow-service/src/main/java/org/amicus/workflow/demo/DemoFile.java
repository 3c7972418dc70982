package org.amicus.workflow.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.workflow.submission.SubmissionDraft;

/**
 * The shape of the demo file of submissions: each draft as the API takes it (its deadline counted
 * in days from the day the demo loads), who writes it, and what happens to it in review.
 */
record DemoFile(String source, List<String> notes, List<DemoSubmission> submissions) {

  /**
   * @param draft without a deadline: {@code deadlineInDays} sets it
   * @param comment a coordinator's comment while it is in review, or null
   * @param approvedBy the coordinator who approves it, so that it is sent; null leaves it in review
   */
  record DemoSubmission(
      String key,
      DemoUser author,
      SubmissionDraft draft,
      int deadlineInDays,
      DemoComment comment,
      DemoUser approvedBy) {}

  record DemoComment(DemoUser by, String text) {}

  /** One of the local realm's demo users (infra/keycloak, demo-users.json). */
  record DemoUser(String username, String organisation, Role role) {

    Caller caller() {
      return new Caller("demo:" + username, username, Optional.of(organisation), Set.of(role));
    }
  }
}
