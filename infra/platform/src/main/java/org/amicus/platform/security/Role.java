package org.amicus.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The Keycloak realm roles Amicus acts on (docs/domain.md, "People and roles"). */
public enum Role {
  /** Staff of a coalition partner organisation. */
  PARTNER("partner"),
  /** Coalition coordinators: review submissions, see what is shared with the coalition. */
  COORDINATOR("coordinator"),
  /** Runs the platform; no implicit access to case content. */
  ADMIN("admin"),
  /** The search-service account that reads change feeds. */
  INDEXER("indexer"),
  /** The workflow-service account that reads cases linked to submissions. */
  CASE_READER("case-reader");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  /** The Spring Security authority, e.g. {@code ROLE_partner}. */
  public String authority() {
    return "ROLE_" + claim;
  }

  public static Optional<Role> fromClaim(String claim) {
    return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
  }
}
