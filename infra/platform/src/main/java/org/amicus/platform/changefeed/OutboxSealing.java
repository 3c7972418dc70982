package org.amicus.platform.changefeed;

import java.util.List;
import org.amicus.platform.encryption.Encryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start-up, seals the outbox documents written in plaintext before the service had sealing, in
 * batches; each row at once, and only while it is still plaintext, so several instances may do it
 * together. Readers of the feed see the same documents before, during and after.
 */
class OutboxSealing implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OutboxSealing.class);
  private static final int BATCH = 100;

  private final JdbcTemplate jdbc;
  private final Encryption encryption;

  OutboxSealing(JdbcTemplate jdbc, Encryption encryption) {
    this.jdbc = jdbc;
    this.encryption = encryption;
  }

  @Override
  public void run(ApplicationArguments args) {
    int sealed = sealPlaintext();
    if (sealed > 0) {
      log.info("Sealed {} change-feed documents stored before sealing", sealed);
    }
  }

  int sealPlaintext() {
    int sealed = 0;
    long after = 0;
    while (true) {
      List<Long> seqs =
          jdbc.queryForList(
              "select seq from change_outbox where document is not null and seq > ?"
                  + " order by seq limit "
                  + BATCH,
              Long.class,
              after);
      if (seqs.isEmpty()) {
        return sealed;
      }
      for (Long seq : seqs) {
        String document =
            jdbc.query(
                "select document::text from change_outbox where seq = ?",
                rs -> rs.next() ? rs.getString(1) : null,
                seq);
        if (document != null) {
          sealed +=
              jdbc.update(
                  "update change_outbox set document_sealed = ?, document = null"
                      + " where seq = ? and document is not null",
                  encryption.sealText(document, Outbox.SEALED_DOCUMENT.purpose()),
                  seq);
        }
      }
      after = seqs.get(seqs.size() - 1);
    }
  }
}
