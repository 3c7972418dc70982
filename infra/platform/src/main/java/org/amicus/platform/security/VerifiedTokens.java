package org.amicus.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The tokens a real decoder has fully checked (signature, issuer, audience, expiry), remembered so
 * that the same bearer token sent again is not RS256-verified on every request: the profile of a
 * case read showed a fifth of the service's CPU in {@code RSASignature.engineVerify}. Used by
 * {@link CachingJwtDecoder} (services) and {@link CachingReactiveJwtDecoder} (gateway).
 *
 * <p>Only what the decoder accepted is kept, so a token with a bad signature is never cached. A
 * remembered token is refused from the instant its {@code exp} passes, without the decoder's clock
 * skew, and then forgotten; a token without {@code exp} is never kept. Entries are keyed by the
 * token's SHA-256, so the cache holds no bearer token. The cache is bounded: when full, expired
 * entries go first, and if none have, all of them.
 */
final class VerifiedTokens {

  /** Distinct live tokens per instance are few; this bounds memory, not hit rate. */
  static final int DEFAULT_CAPACITY = 4096;

  private final Clock clock;
  private final int capacity;
  private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

  VerifiedTokens(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** The remembered token, still valid now; or null, and then the decoder must check it. */
  Jwt known(String token) {
    String key = sha256(token);
    Jwt known = verified.get(key);
    if (known == null) {
      return null;
    }
    if (usable(known, clock.instant())) {
      return known;
    }
    verified.remove(key, known);
    return null;
  }

  /** Remembers a token the decoder has just accepted, if it is valid now and has an expiry. */
  void accepted(String token, Jwt jwt) {
    if (usable(jwt, clock.instant())) {
      if (verified.size() >= capacity) {
        evict();
      }
      verified.put(sha256(token), jwt);
    }
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
