package org.amicus.platform.security;

import java.time.Clock;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A servlet service's decoder that verifies a bearer token once and then answers from {@link
 * VerifiedTokens} until the token expires.
 */
public final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder delegate;
  private final VerifiedTokens verified;

  public CachingJwtDecoder(JwtDecoder delegate) {
    this(delegate, Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
  }

  CachingJwtDecoder(JwtDecoder delegate, Clock clock, int capacity) {
    this.delegate = delegate;
    this.verified = new VerifiedTokens(clock, capacity);
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = verified.known(token);
    if (known != null) {
      return known;
    }
    Jwt jwt = delegate.decode(token); // throws for a bad signature, issuer, audience or expiry
    verified.accepted(token, jwt);
    return jwt;
  }

  int size() {
    return verified.size();
  }
}
