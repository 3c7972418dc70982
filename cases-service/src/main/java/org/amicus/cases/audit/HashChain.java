package org.amicus.cases.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit row: SHA-256 over the previous row's hash and the row's canonical content,
 * so changing or removing any row breaks every hash after it.
 */
final class HashChain {

  static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  static String hash(String prevHash, AuditEntry entry) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(prevHash.getBytes(StandardCharsets.UTF_8));
      sha256.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  /**
   * Length-prefixed fields, so no choice of values (a username containing a separator, say) can
   * make two different rows read the same.
   */
  static String canonical(AuditEntry e) {
    StringBuilder out = new StringBuilder();
    for (Object field :
        new Object[] {
          e.seq(),
          e.at(),
          e.subject(),
          e.username(),
          e.organisation(),
          e.action(),
          e.recordType(),
          e.recordId(),
          e.clientIp()
        }) {
      if (field == null) {
        out.append("-;");
      } else {
        String value = field.toString();
        out.append(value.length()).append(':').append(value).append(';');
      }
    }
    return out.toString();
  }
}
