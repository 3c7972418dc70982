package org.amicus.platform.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Maps {@code realm_access.roles} to {@code ROLE_*} authorities; the name is the subject. */
public final class CallerAuthenticationConverter
    implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<SimpleGrantedAuthority> authorities =
        Caller.rolesOf(jwt).stream()
            .map(Role::authority)
            .sorted()
            .map(SimpleGrantedAuthority::new)
            .toList();
    return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
  }
}
