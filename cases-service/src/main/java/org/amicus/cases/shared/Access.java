package org.amicus.cases.shared;

import java.util.List;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Readers;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;

/**
 * Who may read and change case content (DOMAIN.md): organisation membership and visibility decide;
 * only partners and coordinators change content. {@code admin} and the indexer are refused
 * outright; workflow-service's account ({@code case-reader}) reads what a submission links to, to
 * check consent before anything is sent, but changes nothing and never sees contact data.
 */
public final class Access {

  private Access() {}

  /** True for the roles that may see case content at all. */
  public static boolean readsContent(Caller caller) {
    return caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR) || caller.has(Role.CASE_READER);
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
    return caller.has(Role.CASE_READER)
        || caller.memberOf(ownerOrg)
        || visibility != Visibility.ORGANISATION;
  }

  /**
   * Who {@link #canRead} lets read a record, as the {@code readers} grants its change-feed document
   * carries to search. The same decision for every partner and coordinator; workflow-service's
   * account reads through the API only and is granted nothing here.
   */
  public static List<String> readers(String ownerOrg, Visibility visibility) {
    if (visibility == Visibility.ORGANISATION) {
      return List.of(
          Readers.grant(Role.PARTNER, ownerOrg), Readers.grant(Role.COORDINATOR, ownerOrg));
    }
    return coalitionReaders();
  }

  /**
   * Every partner and coordinator: records the whole coalition reads, such as UPR recommendations
   * (their API asks {@link #readsContent} only).
   */
  public static List<String> coalitionReaders() {
    return List.of(
        Readers.anyOrganisation(Role.PARTNER), Readers.anyOrganisation(Role.COORDINATOR));
  }

  public static boolean canWrite(Caller caller, String ownerOrg) {
    return (caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR)) && caller.memberOf(ownerOrg);
  }

  /** The organisation a new record belongs to: the creator's own. */
  public static String organisationOf(Caller caller) {
    return caller
        .organisation()
        .orElseThrow(() -> ApiProblem.forbidden("Only members of an organisation create records"));
  }
}
