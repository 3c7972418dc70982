package org.amicus.platform.security;

import java.time.Clock;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's decoder that verifies a bearer token once and then answers from {@link
 * VerifiedTokens} until the token expires, as the services' {@link CachingJwtDecoder} does.
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final VerifiedTokens verified;

  public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate) {
    this(delegate, Clock.systemUTC(), VerifiedTokens.DEFAULT_CAPACITY);
  }

  CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, int capacity) {
    this.delegate = delegate;
    this.verified = new VerifiedTokens(clock, capacity);
  }

  @Override
  public Mono<Jwt> decode(String token) {
    return Mono.defer(
        () -> {
          Jwt known = verified.known(token);
          if (known != null) {
            return Mono.just(known);
          }
          // errors (bad signature, issuer, audience, expiry) pass through, and nothing is kept
          return delegate.decode(token).doOnNext(jwt -> verified.accepted(token, jwt));
        });
  }

  int size() {
    return verified.size();
  }
}
