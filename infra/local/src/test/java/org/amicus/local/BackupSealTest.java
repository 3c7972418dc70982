package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackupSealTest {

  private final BackupSeal seal = BackupSeal.ofBase64(BackupSeal.newKey(), "test key");
  private final byte[] contents = contents(BackupSeal.SEGMENT * 2 + 1234);

  @Test
  void aSealedBackupOpensToWhatWasSealedAndRevealsNothingOfIt() throws IOException {
    byte[] sealed = seal.seal(contents);

    assertThat(open(seal, sealed)).isEqualTo(contents);
    assertThat(indexOf(sealed, Arrays.copyOfRange(contents, 1000, 1032))).isNegative();
  }

  @Test
  void emptyAndExactlySegmentSizedContentsOpen() throws IOException {
    assertThat(open(seal, seal.seal(new byte[0]))).isEmpty();
    byte[] segment = contents(BackupSeal.SEGMENT);
    assertThat(open(seal, seal.seal(segment))).isEqualTo(segment);
  }

  @Test
  void aChangedByteAnywhereIsRefused() throws IOException {
    byte[] sealed = seal.seal(contents);
    for (int at : new int[] {40, sealed.length / 2, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[at] ^= 1;
      assertThatThrownBy(() -> open(seal, tampered))
          .isInstanceOf(BackupSeal.TamperedException.class)
          .hasMessageContaining("altered");
    }
  }

  @Test
  void aBackupCutShortOrWithAnAddedTailIsRefused() throws IOException {
    byte[] sealed = seal.seal(contents);
    // cut at a segment's end: what is left is authentic, but not the whole backup
    int firstSegmentEnd = 16 + 8 + 16 + 1 + 4 + BackupSeal.SEGMENT + 16;

    assertThatThrownBy(() -> open(seal, Arrays.copyOf(sealed, firstSegmentEnd)))
        .isInstanceOf(BackupSeal.TamperedException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> open(seal, Arrays.copyOf(sealed, sealed.length + 1)))
        .isInstanceOf(BackupSeal.TamperedException.class);
  }

  @Test
  void anotherKeyIsNamedByItsIdAndNotTried() throws IOException {
    BackupSeal other = BackupSeal.ofBase64(BackupSeal.newKey(), "other key");
    byte[] sealed = seal.seal(contents);

    assertThatThrownBy(() -> open(other, sealed))
        .isInstanceOf(BackupSeal.TamperedException.class)
        .hasMessageContaining(seal.keyId())
        .hasMessageContaining(other.keyId());
  }

  @Test
  void aFileThatIsNoBackupAndABadKeyAreSaidSo() {
    assertThatThrownBy(() -> open(seal, "PGDMP".getBytes()))
        .hasMessageContaining("not an Amicus backup");
    assertThatThrownBy(
            () -> BackupSeal.ofBase64(Base64.getEncoder().encodeToString(new byte[16]), "KEY"))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("KEY must hold 32 bytes");
  }

  private static byte[] open(BackupSeal seal, byte[] sealed) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    seal.open(new ByteArrayInputStream(sealed), plain);
    return plain.toByteArray();
  }

  private static byte[] contents(int size) {
    byte[] bytes = new byte[size];
    new Random(17).nextBytes(bytes);
    return bytes;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
