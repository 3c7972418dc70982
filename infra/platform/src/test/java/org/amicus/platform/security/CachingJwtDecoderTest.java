package org.amicus.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.core.publisher.Mono;

/** Verified tokens are remembered only while they are valid, and only if they were valid. */
class CachingJwtDecoderTest {

  private static final Instant START = Instant.parse("2026-12-07T12:00:00Z");

  private final MovingClock clock = new MovingClock();
  private final KeyPair keys = rsa();
  private final AtomicInteger verifications = new AtomicInteger();
  private final CachingJwtDecoder decoder =
      new CachingJwtDecoder(counting(realDecoder()), clock, 8);

  @Test
  void theSameTokenIsVerifiedOnceWhileItIsValid() {
    String token = token(keys, START.plusSeconds(300));

    assertThat(decoder.decode(token).getSubject()).isEqualTo("anna-subject");
    assertThat(decoder.decode(token).getSubject()).isEqualTo("anna-subject");

    assertThat(verifications).hasValue(1);
  }

  @Test
  void anExpiredTokenIsRefusedEvenThoughItWasCached() {
    String token = token(keys, START.plusSeconds(60));
    decoder.decode(token);
    assertThat(decoder.size()).isEqualTo(1);

    clock.now = START.plusSeconds(61); // a second past exp

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    assertThat(verifications).as("checked again, not answered from the cache").hasValue(2);
    assertThat(decoder.size()).isZero();
  }

  @Test
  void aTokenWithABadSignatureIsNeverCached() {
    String forged = token(rsa(), START.plusSeconds(300));

    assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);

    assertThat(decoder.size()).isZero();
    assertThat(verifications).as("each attempt verified").hasValue(2);
  }

  @Test
  void aFullCacheStaysWithinItsBound() {
    for (int i = 0; i < 20; i++) {
      decoder.decode(token(keys, START.plusSeconds(300 + i)));
    }

    assertThat(decoder.size()).isLessThanOrEqualTo(8);
  }

  @Test
  void theGatewaysReactiveDecoderRemembersOnlyWhatItVerifiedAndOnlyWhileValid() {
    JwtDecoder checked = counting(realDecoder());
    CachingReactiveJwtDecoder reactive =
        new CachingReactiveJwtDecoder(
            token -> Mono.fromCallable(() -> checked.decode(token)), clock, 8);
    String token = token(keys, START.plusSeconds(60));
    String forged = token(rsa(), START.plusSeconds(300));

    assertThat(reactive.decode(token).block().getSubject()).isEqualTo("anna-subject");
    assertThat(reactive.decode(token).block().getSubject()).isEqualTo("anna-subject");
    assertThat(verifications).as("verified once").hasValue(1);
    assertThatThrownBy(() -> reactive.decode(forged).block()).isInstanceOf(JwtException.class);
    assertThat(reactive.size()).as("the forged token is not kept").isEqualTo(1);

    clock.now = START.plusSeconds(61);

    assertThatThrownBy(() -> reactive.decode(token).block()).isInstanceOf(JwtException.class);
    assertThat(reactive.size()).isZero();
  }

  private JwtDecoder realDecoder() {
    NimbusJwtDecoder real = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    expiry.setClock(clock);
    real.setJwtValidator(expiry);
    return real;
  }

  private JwtDecoder counting(JwtDecoder real) {
    return token -> {
      verifications.incrementAndGet();
      return real.decode(token);
    };
  }

  private static String token(KeyPair signer, Instant expiresAt) {
    RSAKey jwk =
        new RSAKey.Builder((RSAPublicKey) signer.getPublic())
            .privateKey((RSAPrivateKey) signer.getPrivate())
            .keyID("test")
            .build();
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .subject("anna-subject")
            .issuedAt(START.minusSeconds(10))
            .expiresAt(expiresAt)
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class MovingClock extends Clock {
    Instant now = START;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
