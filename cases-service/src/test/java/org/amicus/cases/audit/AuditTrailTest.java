package org.amicus.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** The trail is append-only, and an entry altered behind the application's back is found. */
class AuditTrailTest extends CasesIntegrationTest {

  @Autowired MeterRegistry meters;

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
      assertThat(auditIntactGauge()).as("what the monitoring sees").isEqualTo(0.0);
    } finally {
      tamper(seq, original);
    }
    assertThat(body(getAs(CLARA, "/api/cases/audit/verify")).get("intact").asBoolean()).isTrue();
    assertThat(auditIntactGauge()).isEqualTo(1.0);
  }

  private double auditIntactGauge() {
    return meters.get("amicus.cases.audit.intact").gauge().value();
  }

  @Test
  void verifyFindsEntriesCutOffTheEndOfTheTrail() throws Exception {
    getAs(ANNA, "/api/cases");
    getAs(MARCO, "/api/cases");
    long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    jdbc.execute(
        "create table audit_cut_off_by_test as select * from audit_log where seq >= " + (last - 1));

    withoutTheAppendOnlyTrigger(
        () -> jdbc.update("delete from audit_log where seq >= ?", last - 1));
    try {
      // what remains is a consistent chain: only the sealed anchor knows it was longer
      JsonNode result = body(getAs(ADAM, "/api/cases/audit/verify"));
      assertThat(result.get("intact").asBoolean()).isFalse();
      assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(last - 1);
      assertThat(result.get("problem").asText()).contains("cut short");
    } finally {
      jdbc.update("insert into audit_log select * from audit_cut_off_by_test");
      jdbc.execute("drop table audit_cut_off_by_test");
    }
    assertThat(body(getAs(CLARA, "/api/cases/audit/verify")).get("intact").asBoolean()).isTrue();
  }

  @Test
  void verifyFindsAnAlteredAnchor() throws Exception {
    getAs(ANNA, "/api/cases");
    byte[] sealed = jdbc.queryForObject("select sealed from audit_anchor", byte[].class);
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;

    jdbc.update("update audit_anchor set sealed = ?", (Object) altered);
    try {
      JsonNode result = body(getAs(CLARA, "/api/cases/audit/verify"));
      assertThat(result.get("intact").asBoolean()).isFalse();
      assertThat(result.get("problem").asText()).contains("anchor was altered");
    } finally {
      jdbc.update("update audit_anchor set sealed = ?", (Object) sealed);
    }
  }

  @Test
  void partnersDoNotRunTheVerification() throws Exception {
    assertThat(getAs(ANNA, "/api/cases/audit/verify").getStatus()).isEqualTo(403);
  }

  /** What someone with the table owner's database password could do; the app never does. */
  private void tamper(long seq, String username) {
    withoutTheAppendOnlyTrigger(
        () -> jdbc.update("update audit_log set username = ? where seq = ?", username, seq));
  }

  private void withoutTheAppendOnlyTrigger(Runnable change) {
    jdbc.execute("alter table audit_log disable trigger audit_log_no_update_or_delete");
    try {
      change.run();
    } finally {
      jdbc.execute("alter table audit_log enable trigger audit_log_no_update_or_delete");
    }
  }
}
