package org.amicus.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the real decoder has fully checked (signature, issuer, audience, expiry), so
 * that the same bearer token sent again is not RS256-verified on every request: the profile of a
 * case read showed a fifth of the service's CPU in {@code RSASignature.engineVerify}.
 *
 * <p>Only what the decoder accepted is kept, so a token with a bad signature is never cached. A
 * remembered token is refused from the instant its {@code exp} passes, without the decoder's clock
 * skew, and then forgotten; a token without {@code exp} is never kept. Entries are keyed by the
 * token's SHA-256, so the cache holds no bearer token. The cache is bounded: when full, expired
 * entries go first, and if none have, all of them.
 */
public final class CachingJwtDecoder implements JwtDecoder {

  /** Distinct live tokens per service instance are few; this bounds memory, not hit rate. */
  static final int DEFAULT_CAPACITY = 4096;

  private final JwtDecoder delegate;
  private final Clock clock;
  private final int capacity;
  private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

  public CachingJwtDecoder(JwtDecoder delegate) {
    this(delegate, Clock.systemUTC(), DEFAULT_CAPACITY);
  }

  CachingJwtDecoder(JwtDecoder delegate, Clock clock, int capacity) {
    this.delegate = delegate;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    String key = sha256(token);
    Jwt known = verified.get(key);
    if (known != null) {
      if (usable(known, clock.instant())) {
        return known;
      }
      verified.remove(key, known);
    }
    Jwt jwt = delegate.decode(token); // throws for a bad signature, issuer, audience or expiry
    if (usable(jwt, clock.instant())) {
      if (verified.size() >= capacity) {
        evict();
      }
      verified.put(key, jwt);
    }
    return jwt;
  }

  int size() {
    return verified.size();
  }

  private static boolean usable(Jwt jwt, Instant now) {
    Instant exp = jwt.getExpiresAt();
    Instant nbf = jwt.getNotBefore();
    return exp != null && now.isBefore(exp) && (nbf == null || !now.isBefore(nbf));
  }

  private void evict() {
    Instant now = clock.instant();
    verified.values().removeIf(jwt -> !usable(jwt, now));
    if (verified.size() >= capacity) {
      verified.clear();
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
