package org.amicus.cases.shared;

import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;

/**
 * Who may read and change case content (DOMAIN.md): organisation membership and visibility decide;
 * only partners and coordinators ever see content, so {@code admin} and service accounts are
 * refused outright.
 */
public final class Access {

  private Access() {}

  /** True for the roles that may see case content at all. */
  public static boolean readsContent(Caller caller) {
    return caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR);
  }

  /** 403 for callers whose role never sees case content (admin, service accounts). */
  public static void requireContentRole(Caller caller) {
    if (!readsContent(caller)) {
      throw ApiProblem.forbidden("Case content is for partners and coordinators only");
    }
  }

  public static boolean canRead(Caller caller, String ownerOrg, Visibility visibility) {
    if (!readsContent(caller)) {
      return false;
    }
    return caller.memberOf(ownerOrg) || visibility != Visibility.ORGANISATION;
  }

  public static boolean canWrite(Caller caller, String ownerOrg) {
    return readsContent(caller) && caller.memberOf(ownerOrg);
  }

  /** The organisation a new record belongs to: the creator's own. */
  public static String organisationOf(Caller caller) {
    return caller
        .organisation()
        .orElseThrow(() -> ApiProblem.forbidden("Only members of an organisation create records"));
  }
}
