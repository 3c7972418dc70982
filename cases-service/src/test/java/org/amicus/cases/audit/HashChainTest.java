package org.amicus.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HashChainTest {

  private static final Instant AT = Instant.parse("2019-10-10T09:00:00.123456Z");

  private static AuditEntry entry(long seq, String username, String recordId) {
    return new AuditEntry(
        seq, AT, "sub-1", username, "odf", "read", "case", recordId, "10.0.0.1", null, null);
  }

  @Test
  void theHashIsSha256HexAndDeterministic() {
    String hash = HashChain.hash(HashChain.GENESIS, entry(1, "anna", "7"));

    assertThat(hash).hasSize(64).matches("[0-9a-f]+");
    assertThat(HashChain.hash(HashChain.GENESIS, entry(1, "anna", "7"))).isEqualTo(hash);
  }

  @Test
  void changingAnyFieldOrThePreviousHashChangesTheHash() {
    String hash = HashChain.hash(HashChain.GENESIS, entry(1, "anna", "7"));

    assertThat(HashChain.hash(HashChain.GENESIS, entry(1, "anne", "7"))).isNotEqualTo(hash);
    assertThat(HashChain.hash(HashChain.GENESIS, entry(2, "anna", "7"))).isNotEqualTo(hash);
    assertThat(HashChain.hash("1".repeat(64), entry(1, "anna", "7"))).isNotEqualTo(hash);
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeTheSameContent() {
    assertThat(HashChain.canonical(entry(1, "anna;", "7")))
        .isNotEqualTo(HashChain.canonical(entry(1, "anna", ";7")));
  }
}
