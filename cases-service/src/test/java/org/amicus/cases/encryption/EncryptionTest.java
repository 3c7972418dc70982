package org.amicus.cases.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amicus.cases.CasesIntegrationTest;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.EncryptionAutoConfiguration;
import org.amicus.platform.encryption.EncryptionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EncryptionTest {

  static final String KEY = CasesIntegrationTest.TEST_KEY;
  static final String OLD = CasesIntegrationTest.PREVIOUS_TEST_KEY;

  @Test
  void aSealedValueOpensOnlyForItsPurposeAndUntouched() {
    Encryption e = new Encryption(KEY, List.of());
    byte[] plain = "+7 701 555 0101, Алматы".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = e.seal(plain, "person.contact_sealed");

    assertThat(sealed[0]).isEqualTo(Encryption.FORMAT);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("555");
    assertThat(e.seal(plain, "person.contact_sealed")).isNotEqualTo(sealed); // fresh nonce
    assertThat(e.open(sealed, "person.contact_sealed")).isEqualTo(plain);
    assertThatThrownBy(() -> e.open(sealed, "case_document_content.content"))
        .isInstanceOf(Encryption.SealedValueException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> e.open(sealed, "person.contact_sealed"))
        .isInstanceOf(Encryption.SealedValueException.class);
  }

  @Test
  void previousKeysStillOpenAndOnlyTheCurrentOneSeals() {
    byte[] old = new Encryption(OLD, List.of()).seal(new byte[] {1, 2, 3}, "p");
    Encryption rotated = new Encryption(KEY, List.of(OLD));
    assertThat(rotated.isCurrent(old)).isFalse();
    assertThat(rotated.open(old, "p")).containsExactly(1, 2, 3);
    assertThat(rotated.isCurrent(rotated.seal(new byte[] {1}, "p"))).isTrue();
    assertThatThrownBy(() -> new Encryption(KEY, List.of()).open(old, "p"))
        .isInstanceOf(Encryption.SealedValueException.class)
        .hasMessageContaining("neither the current nor a previous key");
  }

  @Test
  void keysMustBe256BitsOfBase64AndAreNeverQuotedInErrors() {
    assertThatThrownBy(() -> new Encryption("c2hvcnQ=", List.of()))
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
    assertThatThrownBy(() -> new Encryption("not base64 at all!", List.of()))
        .hasMessageContaining("base64");
  }

  @Test
  void withoutAKeyOnlyTheDemoProfileStarts() {
    EncryptionAutoConfiguration config = new EncryptionAutoConfiguration();
    EncryptionProperties unset = new EncryptionProperties("change-me", List.of(), true);
    assertThatThrownBy(() -> config.encryption(unset, new MockEnvironment()))
        .hasMessageContaining("AMICUS_ENCRYPTION_KEY");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThat(config.encryption(unset, demo)).isNotNull();
    EncryptionProperties development =
        new EncryptionProperties(EncryptionAutoConfiguration.DEVELOPMENT_KEY, List.of(), true);
    assertThatThrownBy(() -> config.encryption(development, new MockEnvironment()))
        .hasMessageContaining("development key");
  }
}
