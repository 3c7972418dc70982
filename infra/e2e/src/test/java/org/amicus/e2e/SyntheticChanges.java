package org.amicus.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amicus.local.Applications.Application;

/**
 * Synthetic case changes written straight into cases-service's outbox, as its own writers do (same
 * table, same advisory lock), for the ingest tests: thousands of changes through the API would take
 * this machine longer than the whole build may. Then what the source says and what the index holds
 * of them, to compare. All records' ids start with the prefix.
 */
final class SyntheticChanges {

  private static final long OUTBOX_LOCK = 0x414D494355534F42L;

  private final Platform platform;
  private final String prefix;
  private final int records;
  private int written;

  /**
   * @param records how many distinct records the changes go to in turn
   */
  SyntheticChanges(Platform platform, String prefix, int records) {
    this.platform = platform;
    this.prefix = prefix;
    this.records = records;
  }

  /** How many changes were written so far. */
  int written() {
    return written;
  }

  /**
   * The next {@code count} changes, in one transaction: upserts in turn, every seventh a delete.
   */
  void write(int count) throws SQLException {
    try (Connection db = connection()) {
      db.setAutoCommit(false);
      try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(?)")) {
        lock.setLong(1, OUTBOX_LOCK);
        lock.execute();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into change_outbox (record_type, record_id, operation, document)"
                  + " values ('case', ?, ?, cast(? as jsonb))")) {
        for (int i = 0; i < count; i++, written++) {
          String id = prefix + (written % records);
          boolean delete = written % 7 == 6;
          insert.setString(1, id);
          insert.setString(2, delete ? "DELETE" : "UPSERT");
          insert.setString(3, delete ? null : document(id));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      db.commit();
    }
  }

  private String document(String id) {
    try {
      return Api.JSON.writeValueAsString(
          Map.of(
              "id",
              id,
              "ownerOrg",
              "odf",
              "visibility",
              "COALITION",
              "readers",
              List.of("partner@*", "coordinator@*"),
              "title",
              "Synthetic case " + written,
              "country",
              "KZ",
              "year",
              2020,
              "status",
              "OPEN"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the feed says now: each record's last change, if it is an upsert, by its seq. */
  Map<String, Long> source() throws SQLException {
    Map<String, Long> last = new TreeMap<>();
    try (Connection db = connection();
        PreparedStatement select =
            db.prepareStatement(
                "select distinct on (record_id) record_id, seq, operation from change_outbox"
                    + " where record_type = 'case' and record_id like ?"
                    + " order by record_id, seq desc")) {
      select.setString(1, prefix + "%");
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (rs.getString("operation").equals("UPSERT")) {
            last.put(rs.getString("record_id"), rs.getLong("seq"));
          }
        }
      }
    }
    return last;
  }

  /** What the index holds of the synthetic records: id and version. */
  Map<String, Long> indexed() throws Exception {
    return IndexedRecords.cases(platform, "{\"prefix\": {\"id\": \"%s\"}}".formatted(prefix));
  }

  /** A digest of id and version of every record, to compare index and source at a glance. */
  static String checksum(Map<String, Long> records) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    records.forEach(
        (id, version) -> sha.update((id + ":" + version + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha.digest());
  }

  private Connection connection() throws SQLException {
    return platform.connect(Application.CASES);
  }
}
