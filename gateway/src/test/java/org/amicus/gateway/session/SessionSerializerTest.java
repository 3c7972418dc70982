package org.amicus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/** What the gateway reads back from a session in Redis. */
class SessionSerializerTest {

  private final SessionSerializer serializer = new SessionSerializer();

  @Test
  void aTokenKeptInTheSessionReadsBackEqual() {
    OAuth2AccessToken token =
        new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER,
            "opaque",
            Instant.parse("2026-12-07T20:00:00Z"),
            Instant.parse("2026-12-07T20:05:00Z"));

    Object read = serializer.deserialize(serializer.serialize(Map.of("keycloak", token)));

    assertThat(read).isEqualTo(Map.of("keycloak", token));
  }

  /** Bytes someone wrote into Redis do not make the gateway build objects of their choosing. */
  @Test
  void aClassOutsideTheAllowListReadsAsAbsent() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new NotAllowed("payload"));
    }

    assertThat(serializer.deserialize(bytes.toByteArray())).isNull();
  }

  /** What another version wrote, or garbage, signs the person out rather than failing. */
  @Test
  void unreadableBytesReadAsAbsent() {
    assertThat(serializer.deserialize(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 1, 2})).isNull();
    assertThat(serializer.deserialize(new byte[0])).isNull();
  }

  record NotAllowed(String value) implements Serializable {}
}
