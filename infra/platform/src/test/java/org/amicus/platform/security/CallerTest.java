package org.amicus.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

  private static Jwt token(Map<String, Object> claims) {
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("5b0c")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }

  @Test
  void aPartnerIsKnownByOrganisationAndRealmRoles() {
    Caller caller =
        Caller.from(
            token(
                Map.of(
                    "preferred_username", "anna",
                    "organisation", "odf",
                    "realm_access", Map.of("roles", List.of("partner", "offline_access")))));

    assertThat(caller.username()).isEqualTo("anna");
    assertThat(caller.memberOf("odf")).isTrue();
    assertThat(caller.memberOf("fidu")).isFalse();
    assertThat(caller.roles()).containsExactly(Role.PARTNER);
  }

  @Test
  void aServiceAccountHasNoOrganisationAndBelongsToNone() {
    Caller caller = Caller.from(token(Map.of("realm_access", Map.of("roles", List.of("indexer")))));

    assertThat(caller.organisation()).isEmpty();
    assertThat(caller.memberOf("odf")).isFalse();
    assertThat(caller.has(Role.INDEXER)).isTrue();
  }

  @Test
  void realmRolesBecomeSpringAuthoritiesAndUnknownRolesAreIgnored() {
    var authentication =
        new CallerAuthenticationConverter()
            .convert(
                token(
                    Map.of(
                        "realm_access",
                        Map.of("roles", List.of("coordinator", "partner", "uma_authorization")))));

    assertThat(authentication.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_coordinator", "ROLE_partner");
  }

  @Test
  void aTokenWithoutRealmAccessGrantsNothing() {
    assertThat(Caller.from(token(Map.of("scope", "openid"))).roles()).isEmpty();
  }
}
