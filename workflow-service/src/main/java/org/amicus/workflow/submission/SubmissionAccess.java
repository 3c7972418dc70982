package org.amicus.workflow.submission;

import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;

/**
 * Who may do what with a submission. Organisation membership decides, as for cases: the lead
 * organisation writes it, co-signing organisations read it, coordinators read what has been
 * submitted for review. Admins get nothing implicitly.
 */
public final class SubmissionAccess {

  private SubmissionAccess() {}

  static boolean staff(Caller caller) {
    return caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR);
  }

  public static boolean canRead(Caller caller, SubmissionSnapshot submission) {
    if (!staff(caller)) {
      return false;
    }
    return caller.memberOf(submission.leadOrganisation())
        || submission.content().coSigningOrganisations().stream().anyMatch(caller::memberOf)
        || (caller.has(Role.COORDINATOR) && submission.status() != SubmissionStatus.DRAFT);
  }

  /** Authors: staff of the lead organisation. Whether the status allows editing is separate. */
  public static boolean isAuthor(Caller caller, SubmissionSnapshot submission) {
    return staff(caller) && caller.memberOf(submission.leadOrganisation());
  }
}
