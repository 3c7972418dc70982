package org.amicus.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The trail is append-only, and an entry altered behind the application's back is found. */
class AuditTrailTest extends CasesIntegrationTest {

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
    getAs(ANNA, "/api/cases");

    assertThatThrownBy(() -> jdbc.update("update audit_log set username = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_log"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void verifyFindsTheFirstAlteredEntry() throws Exception {
    getAs(ANNA, "/api/cases");
    getAs(MARCO, "/api/cases");
    long seq = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    String original =
        jdbc.queryForObject("select username from audit_log where seq = ?", String.class, seq);
    assertThat(body(getAs(CLARA, "/api/cases/audit/verify")).get("intact").asBoolean()).isTrue();

    tamper(seq, "mallory");
    try {
      JsonNode result = body(getAs(ADAM, "/api/cases/audit/verify"));
      assertThat(result.get("intact").asBoolean()).isFalse();
      assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(seq);
      assertThat(result.get("problem").asText()).contains("does not match its hash");
    } finally {
      tamper(seq, original);
    }
    assertThat(body(getAs(CLARA, "/api/cases/audit/verify")).get("intact").asBoolean()).isTrue();
  }

  @Test
  void partnersDoNotRunTheVerification() throws Exception {
    assertThat(getAs(ANNA, "/api/cases/audit/verify").getStatus()).isEqualTo(403);
  }

  /** What someone with the table owner's database password could do; the app never does. */
  private void tamper(long seq, String username) {
    jdbc.execute("alter table audit_log disable trigger audit_log_no_update_or_delete");
    try {
      jdbc.update("update audit_log set username = ? where seq = ?", username, seq);
    } finally {
      jdbc.execute("alter table audit_log enable trigger audit_log_no_update_or_delete");
    }
  }
}
