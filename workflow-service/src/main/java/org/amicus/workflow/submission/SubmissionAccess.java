package org.amicus.workflow.submission;

import java.util.ArrayList;
import java.util.List;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Readers;
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

  /**
   * Who {@link #canRead} lets read the submission, as the {@code readers} grants its search
   * document carries: staff of the lead and of each co-signing organisation, and every coordinator
   * once it left the draft.
   */
  public static List<String> readers(SubmissionSnapshot submission) {
    List<String> readers = new ArrayList<>();
    List<String> organisations = new ArrayList<>();
    organisations.add(submission.leadOrganisation());
    organisations.addAll(submission.content().coSigningOrganisations());
    for (String organisation : organisations) {
      for (Role role : Readers.ROLES) {
        String grant = Readers.grant(role, organisation);
        if (!readers.contains(grant)) {
          readers.add(grant);
        }
      }
    }
    if (submission.status() != SubmissionStatus.DRAFT) {
      readers.add(Readers.anyOrganisation(Role.COORDINATOR));
    }
    return List.copyOf(readers);
  }

  /** Authors: staff of the lead organisation. Whether the status allows editing is separate. */
  public static boolean isAuthor(Caller caller, SubmissionSnapshot submission) {
    return staff(caller) && caller.memberOf(submission.leadOrganisation());
  }
}
