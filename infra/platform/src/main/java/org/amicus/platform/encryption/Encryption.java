package org.amicus.platform.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for values at rest. A sealed value is self-describing: {@code 0x01}, the 8-byte id of
 * the key that sealed it (the start of the key's SHA-256), a random 12-byte nonce, then the
 * ciphertext with its 16-byte tag. The header and a purpose (say {@code person.contact}) are
 * authenticated too, so a value copied into another column does not open.
 */
public final class Encryption {

  public static final byte FORMAT = 1;
  public static final int KEY_ID_BYTES = 8;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + KEY_ID_BYTES;

  private final SecretKey current;
  private final byte[] currentId;
  private final Map<String, SecretKey> byId = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key the current key, base64
   * @param previousKeys keys older values may be sealed with, base64
   */
  public Encryption(String key, List<String> previousKeys) {
    this.current = decode(key, "amicus.encryption.key");
    this.currentId = idOf(current);
    byId.put(HexFormat.of().formatHex(currentId), current);
    for (int i = 0; i < previousKeys.size(); i++) {
      SecretKey previous =
          decode(previousKeys.get(i), "amicus.encryption.previous-keys[" + i + "]");
      byId.putIfAbsent(HexFormat.of().formatHex(idOf(previous)), previous);
    }
  }

  /** The id of the current key, as stored after the format byte of every value it seals. */
  public byte[] currentKeyId() {
    return currentId.clone();
  }

  public byte[] seal(byte[] plain, String purpose) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
      ByteBuffer header = ByteBuffer.allocate(HEADER).put(FORMAT).put(currentId);
      cipher.updateAAD(header.array());
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(HEADER + NONCE_BYTES + sealed.length)
          .put(header.array())
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws SealedValueException when the value is not sealed, was sealed with a key that is no
   *     longer configured, or was altered
   */
  public byte[] open(byte[] sealed, String purpose) {
    if (sealed.length < HEADER + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      throw new SealedValueException("not a sealed value of a known format");
    }
    String id = HexFormat.of().formatHex(sealed, 1, HEADER);
    SecretKey key = byId.get(id);
    if (key == null) {
      throw new SealedValueException(
          "sealed with key id " + id + ", which is neither the current nor a previous key");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, HEADER, NONCE_BYTES));
      cipher.updateAAD(sealed, 0, HEADER);
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, HEADER + NONCE_BYTES, sealed.length - HEADER - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealedValueException("the value or its purpose does not match its tag");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  public byte[] sealText(String plain, String purpose) {
    return plain == null ? null : seal(plain.getBytes(StandardCharsets.UTF_8), purpose);
  }

  public String openText(byte[] sealed, String purpose) {
    return sealed == null ? null : new String(open(sealed, purpose), StandardCharsets.UTF_8);
  }

  /** True when {@code keyId} is the id of the current or of a previous key. */
  public boolean hasKey(byte[] keyId) {
    return byId.containsKey(HexFormat.of().formatHex(keyId));
  }

  /** True when the value is sealed with the current key. */
  public boolean isCurrent(byte[] sealed) {
    return sealed.length > HEADER
        && sealed[0] == FORMAT
        && MessageDigest.isEqual(java.util.Arrays.copyOfRange(sealed, 1, HEADER), currentId);
  }

  static byte[] idOf(SecretKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return java.util.Arrays.copyOf(digest, KEY_ID_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static SecretKey decode(String base64, String property) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + " is not valid base64");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          property
              + " must be 32 bytes (256 bits), base64; generate one with openssl rand -base64 32");
    }
    return new SecretKeySpec(raw, "AES");
  }

  /** A stored value that cannot be opened; says why, never what it holds. */
  public static final class SealedValueException extends RuntimeException {
    SealedValueException(String why) {
      super(why);
    }
  }
}
