package org.amicus.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code readers} field of a change-feed document: who may read the record, as decided by the
 * service that owns it. Each entry is a grant {@code "<realm role>@<organisation id>"}, or {@code
 * "<realm role>@*"} for that role in any organisation. Only {@link Role#PARTNER} and {@link
 * Role#COORDINATOR} are granted: admins and service accounts never read content through search.
 *
 * <p>Owners build grants with {@link #grant} and {@link #anyOrganisation}; search matches them
 * against {@link #grantsOf} the caller. A caller may read a record iff the two share an entry.
 */
public final class Readers {

  /** The roles a grant may name. */
  public static final List<Role> ROLES = List.of(Role.PARTNER, Role.COORDINATOR);

  private static final String ANY = "*";

  private Readers() {}

  /** {@code role} in {@code organisation}, e.g. {@code partner@odf}. */
  public static String grant(Role role, String organisation) {
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("grants name partner or coordinator only");
    }
    if (organisation == null || organisation.isBlank() || organisation.contains("@")) {
      throw new IllegalArgumentException("a grant needs an organisation id");
    }
    return role.claim() + "@" + organisation;
  }

  /** {@code role} in every organisation, e.g. {@code coordinator@*}. */
  public static String anyOrganisation(Role role) {
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("grants name partner or coordinator only");
    }
    return role.claim() + "@" + ANY;
  }

  /**
   * The grants a caller holds: for each of its roles that may read, that role in any organisation
   * and in the caller's own. Empty for admins and service accounts.
   */
  public static Set<String> grantsOf(Caller caller) {
    Set<String> grants = new LinkedHashSet<>();
    for (Role role : ROLES) {
      if (caller.has(role)) {
        grants.add(anyOrganisation(role));
        caller
            .organisation()
            .filter(org -> !org.isBlank() && !org.contains("@"))
            .ifPresent(org -> grants.add(grant(role, org)));
      }
    }
    return grants;
  }

  /** True when {@code readers} let {@code caller} read the record. */
  public static boolean admit(Collection<String> readers, Caller caller) {
    return grantsOf(caller).stream().anyMatch(readers::contains);
  }
}
