package org.amicus.local;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a backup stream with AES-256-GCM under the backup's own key, in segments of 1 MiB so that a
 * backup of any size streams through a small heap (the platform's {@code Encryption} seals one
 * value in memory). The header is a magic string, the key's id (the first 8 bytes of its SHA-256)
 * and a random salt; each backup is sealed with a key of its own, HMAC-SHA256(backup key, salt), so
 * that nonces never repeat across backups. A segment's nonce is its number, and the header and a
 * last-segment flag are authenticated with it. So a changed byte, a segment dropped, repeated or
 * moved, and a file cut short are all refused.
 */
final class BackupSeal {

  static final int KEY_BYTES = 32;
  private static final byte[] MAGIC = "AMICUS-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_ID_BYTES = 8;
  private static final int SALT_BYTES = 16;
  private static final int HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + SALT_BYTES;
  private static final int TAG_BYTES = 16;
  static final int SEGMENT = 1 << 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] rawKey;
  private final byte[] keyId;

  BackupSeal(byte[] rawKey) {
    if (rawKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("A backup key is 32 bytes (256 bits), base64.");
    }
    this.rawKey = rawKey.clone();
    this.keyId = idOf(rawKey);
  }

  /** A key as {@code .amicus/backup.key} and {@code AMICUS_BACKUP_KEY} hold it: base64. */
  static BackupSeal ofBase64(String base64, String where) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new LaunchException(where + " is not valid base64.");
    }
    if (raw.length != KEY_BYTES) {
      throw new LaunchException(
          where + " must hold 32 bytes (256 bits) in base64, e.g. from openssl rand -base64 32.");
    }
    return new BackupSeal(raw);
  }

  static String newKey() {
    byte[] raw = new byte[KEY_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  String keyId() {
    return HexFormat.of().formatHex(keyId);
  }

  /** The first 8 bytes of the SHA-256 of a raw key, in hex, as the platform names its keys. */
  static byte[] idOf(byte[] rawKey) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(rawKey), KEY_ID_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /** Reads {@code plain} to its end and writes it sealed to {@code sealed}. */
  void seal(InputStream plain, OutputStream sealed) throws IOException {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(keyId).put(salt).array();
    DataOutputStream out = new DataOutputStream(sealed);
    out.write(header);
    byte[] buffer = new byte[SEGMENT];
    byte[] next = new byte[SEGMENT];
    int length = plain.readNBytes(buffer, 0, SEGMENT);
    long number = 0;
    while (true) {
      // a segment is the last one when nothing follows it, so the one ahead is read first
      int nextLength = length == SEGMENT ? plain.readNBytes(next, 0, SEGMENT) : 0;
      boolean last = nextLength == 0;
      byte[] cipherText;
      try {
        cipherText =
            cipher(Cipher.ENCRYPT_MODE, header, salt, number, last).doFinal(buffer, 0, length);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM is unavailable", e);
      }
      out.writeBoolean(last);
      out.writeInt(length);
      out.write(cipherText);
      if (last) {
        break;
      }
      byte[] swap = buffer;
      buffer = next;
      next = swap;
      length = nextLength;
      number++;
    }
    out.flush();
  }

  /**
   * Reads {@code sealed} to its end and writes what it holds to {@code plain}, a segment at a time
   * once that segment is authenticated. The caller must discard what was written when this throws.
   *
   * @throws TamperedException when the file is not a backup, another key sealed it, or it was
   *     altered or cut short
   */
  void open(InputStream sealed, OutputStream plain) throws IOException {
    DataInputStream in = new DataInputStream(sealed);
    byte[] header = new byte[HEADER_BYTES];
    if (in.readNBytes(header, 0, HEADER_BYTES) != HEADER_BYTES
        || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new TamperedException("This file is not an Amicus backup.");
    }
    byte[] sealedWith = Arrays.copyOfRange(header, MAGIC.length, MAGIC.length + KEY_ID_BYTES);
    if (!MessageDigest.isEqual(sealedWith, keyId)) {
      throw new TamperedException(
          "This backup was sealed with backup key id %s, not with the key given (id %s)."
              .formatted(HexFormat.of().formatHex(sealedWith), keyId()));
    }
    byte[] salt = Arrays.copyOfRange(header, MAGIC.length + KEY_ID_BYTES, HEADER_BYTES);
    long number = 0;
    try {
      while (true) {
        boolean last = in.readBoolean();
        int length = in.readInt();
        if (length < 0 || length > SEGMENT) {
          throw tampered();
        }
        byte[] cipherText = new byte[length + TAG_BYTES];
        in.readFully(cipherText);
        plain.write(cipher(Cipher.DECRYPT_MODE, header, salt, number, last).doFinal(cipherText));
        if (last) {
          break;
        }
        number++;
      }
    } catch (EOFException e) {
      throw new TamperedException("This backup is cut short: its end is missing.");
    } catch (AEADBadTagException e) {
      throw tampered();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
    if (in.read() != -1) {
      throw tampered();
    }
    plain.flush();
  }

  /** Convenience for small contents (tests, manifests). */
  byte[] seal(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    seal(new java.io.ByteArrayInputStream(plain), out);
    return out.toByteArray();
  }

  private Cipher cipher(int mode, byte[] header, byte[] salt, long number, boolean last) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(rawKey, "HmacSHA256"));
      SecretKeySpec fileKey = new SecretKeySpec(mac.doFinal(salt), "AES");
      byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(number).array();
      cipher.init(mode, fileKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  private static TamperedException tampered() {
    return new TamperedException(
        "This backup was altered or damaged after it was sealed; nothing was restored from it.");
  }

  /** A backup that must not be restored; the message says why, for the user. */
  static final class TamperedException extends IOException {
    TamperedException(String message) {
      super(message);
    }
  }
}
