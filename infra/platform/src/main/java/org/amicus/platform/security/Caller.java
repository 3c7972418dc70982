package org.amicus.platform.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the access token says: the user (or service account), their organisation and
 * their realm roles. Organisation membership, not role, decides who reads a case.
 *
 * @param organisation the {@code organisation} claim; empty for service accounts
 */
public record Caller(
    String subject, String username, Optional<String> organisation, Set<Role> roles) {

  public static final String ORGANISATION_CLAIM = "organisation";

  public static Caller from(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject()),
        Optional.ofNullable(jwt.getClaimAsString(ORGANISATION_CLAIM)).filter(s -> !s.isBlank()),
        rolesOf(jwt));
  }

  /** Realm roles from {@code realm_access.roles}; roles Amicus does not know are ignored. */
  static Set<Role> rolesOf(Jwt jwt) {
    Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
    if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> names)) {
      return Set.of();
    }
    return names.stream()
        .map(String::valueOf)
        .map(Role::fromClaim)
        .flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when the caller belongs to the given organisation. */
  public boolean memberOf(String organisationId) {
    return organisation.map(organisationId::equals).orElse(false);
  }
}
