package org.amicus.platform.changefeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes changes to the outbox in the caller's transaction and reads them back in order.
 *
 * <p>A bigserial alone is not enough: a transaction that took seq 10 may commit after one that took
 * seq 11, and a reader past 11 would never see 10. Writers therefore serialise on one
 * transaction-scoped advisory lock, so seq order is commit order.
 *
 * <p>In a service with an encryption key, documents are stored sealed in {@code document_sealed}
 * (they hold the record's texts) and opened when read, so the feed's readers see no difference.
 * {@code document} holds plaintext only in rows written before, until {@link OutboxSealing} seals
 * them at start-up.
 */
public class Outbox {

  /** The column sealed documents are stored in, for key rotation. */
  public static final SealedColumn SEALED_DOCUMENT =
      SealedColumn.of("change_outbox", "document_sealed", "seq");

  /** Arbitrary constant naming the outbox lock (ASCII "AMICUSOB"). */
  private static final long LOCK_KEY = 0x414D494355534F42L;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Encryption encryption;

  /**
   * @param encryption seals documents; null in a service without a key, which stores them plain
   */
  public Outbox(JdbcTemplate jdbc, ObjectMapper json, Encryption encryption) {
    this.jdbc = jdbc;
    this.json = json;
    this.encryption = encryption;
  }

  /** Records that a record now looks like {@code document}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void upsert(String type, String id, Object document) {
    write(type, id, Change.Operation.UPSERT, document);
  }

  /** Records that a record is gone. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void delete(String type, String id) {
    write(type, id, Change.Operation.DELETE, null);
  }

  private void write(String type, String id, Change.Operation operation, Object document) {
    // serialised and sealed before the lock: writers wait for each other only over the insert
    String text = document == null ? null : serialise(document);
    byte[] sealed =
        encryption == null ? null : encryption.sealText(text, SEALED_DOCUMENT.purpose());
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
    if (encryption == null) {
      jdbc.update(
          "insert into change_outbox (record_type, record_id, operation, document)"
              + " values (?, ?, ?, cast(? as jsonb))",
          type,
          id,
          operation.name(),
          text);
    } else {
      jdbc.update(
          "insert into change_outbox (record_type, record_id, operation, document_sealed)"
              + " values (?, ?, ?, ?)",
          type,
          id,
          operation.name(),
          sealed);
    }
  }

  /** Changes after {@code after}, oldest first. */
  @Transactional(readOnly = true)
  public ChangeBatch after(long after, int limit) {
    List<Change> changes =
        jdbc.query(
            "select * from change_outbox where seq > ? order by seq limit ?",
            this::change,
            after,
            limit + 1);
    return batch(changes, after, limit);
  }

  /**
   * The current state of every record that exists: its latest change, unless that is a delete.
   * Paged by seq like the feed; a rebuild that reads it to the end and then follows the feed from
   * the snapshot's {@link #head()} misses nothing.
   */
  @Transactional(readOnly = true)
  public ChangeBatch snapshot(long after, int limit) {
    List<Change> changes =
        jdbc.query(
            """
            select * from change_outbox o
             where o.seq > ? and o.operation = 'UPSERT'
               and not exists (select 1 from change_outbox later
                                where later.record_type = o.record_type
                                  and later.record_id = o.record_id
                                  and later.seq > o.seq)
             order by o.seq limit ?
            """,
            this::change,
            after,
            limit + 1);
    return batch(changes, after, limit);
  }

  /**
   * Writes again the records of {@code type} whose current document has no {@code field} (written
   * before the document gained it), so that a rebuild from the snapshot finds the field on every
   * record. {@code document} answers a record's current document from its id, or empty when the id
   * is not one of the owner's or the record is gone. Reads every current document of the type once
   * (sealed documents can only be looked into here, not in SQL).
   *
   * @return how many records were written again
   */
  @Transactional
  public int republishWithout(String type, String field, Function<String, Optional<?>> document) {
    List<String> ids = new ArrayList<>();
    jdbc.query(
        """
        select o.record_id, o.document, o.document_sealed from change_outbox o
         where o.record_type = ? and o.operation = 'UPSERT'
           and not exists (select 1 from change_outbox later
                            where later.record_type = o.record_type
                              and later.record_id = o.record_id
                              and later.seq > o.seq)
         order by o.seq
        """,
        (RowCallbackHandler)
            rs -> {
              String current = document(rs);
              if (current == null || !parse(current).has(field)) {
                ids.add(rs.getString("record_id"));
              }
            },
        type);
    int written = 0;
    for (String id : ids) {
      Optional<?> again = document.apply(id);
      if (again.isPresent()) {
        upsert(type, id, again.get());
        written++;
      }
    }
    return written;
  }

  /**
   * The ids of the records of {@code type} the feed has ever carried, for an owner that starts
   * publishing a type to find its records that predate it.
   */
  @Transactional(readOnly = true)
  public Set<String> recordIds(String type) {
    return new HashSet<>(
        jdbc.queryForList(
            "select distinct record_id from change_outbox where record_type = ?",
            String.class,
            type));
  }

  /** The newest seq, or 0 when nothing has changed yet. */
  @Transactional(readOnly = true)
  public long head() {
    Long head = jdbc.queryForObject("select coalesce(max(seq), 0) from change_outbox", Long.class);
    return head == null ? 0 : head;
  }

  private static ChangeBatch batch(List<Change> changes, long after, int limit) {
    boolean more = changes.size() > limit;
    List<Change> page = more ? changes.subList(0, limit) : changes;
    long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
    return new ChangeBatch(List.copyOf(page), next, more);
  }

  private Change change(ResultSet rs, int row) throws SQLException {
    String document = document(rs);
    return new Change(
        rs.getLong("seq"),
        rs.getString("record_type"),
        rs.getString("record_id"),
        Change.Operation.valueOf(rs.getString("operation")),
        rs.getTimestamp("changed_at").toInstant(),
        document == null ? null : parse(document));
  }

  /** The document, opened if sealed; a plaintext one is a row from before sealing. */
  private String document(ResultSet rs) throws SQLException {
    if (encryption != null) {
      byte[] sealed = rs.getBytes("document_sealed");
      if (sealed != null) {
        return new String(
            encryption.open(sealed, SEALED_DOCUMENT.purpose()), StandardCharsets.UTF_8);
      }
    }
    return rs.getString("document");
  }

  private String serialise(Object document) {
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Change document is not serialisable", e);
    }
  }

  private JsonNode parse(String document) {
    try {
      return json.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row holds invalid JSON", e);
    }
  }
}
