package org.amicus.cases.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the hash-chained audit trail in the caller's transaction, so a change and its audit
 * row commit or roll back together. Writers serialise on an advisory lock: each row needs the
 * previous row's hash, and seq must be gap-free for a deletion to show.
 *
 * <p>The chain's head (last seq and hash) is kept sealed with the encryption key in {@code
 * audit_anchor}, rewritten with every entry: entries cut off the end, which leave a chain that is
 * consistent in itself, no longer reach the anchor. Without the key nobody can write a new anchor;
 * only an old anchor saved earlier and put back together with the cut could hide one.
 *
 * <p>Reads, which change nothing, go through {@link #recordRead}: group-committed by one writer.
 */
@Component
public class AuditLog {

  /** Arbitrary constant naming the audit lock (ASCII "AMICUSAU"). */
  static final long LOCK_KEY = 0x414D494355534155L;

  static final String ANCHOR = "audit-anchor";

  static final String INSERT =
      "insert into audit_log (seq, at, subject, username, organisation, action, record_type,"
          + " record_id, client_ip, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String UPSERT_ANCHOR =
      "insert into audit_anchor (id, sealed) values (1, ?)"
          + " on conflict (id) do update set sealed = excluded.sealed";

  /** Bound to a transaction that holds the chain's lock, so its reads do not wait on themselves. */
  private static final Object LOCK_HELD = new Object();

  private final JdbcTemplate jdbc;
  private final Encryption encryption;
  private final ReadAuditWriter reads;
  private final Clock clock;

  /** 1 when the last verification found the chain intact, 0 when broken, NaN before the first. */
  private final AtomicReference<Double> lastVerification = new AtomicReference<>(Double.NaN);

  AuditLog(JdbcTemplate jdbc, Encryption encryption, ReadAuditWriter reads, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.reads = reads;
    this.clock = Clock.systemUTC();
    Gauge.builder("amicus.cases.audit.intact", lastVerification, AtomicReference::get)
        .description("The last audit verification: 1 intact, 0 broken; absent before the first")
        .register(meters);
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(Caller caller, String action, String recordType, String recordId) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
    holdingTheLock();
    List<Object[]> last =
        jdbc.query(
            "select seq, hash from audit_log order by seq desc limit 1",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
    String prev = last.isEmpty() ? HashChain.GENESIS : (String) last.get(0)[1];
    // PostgreSQL keeps microseconds; truncating first makes the stored value hash the same.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry =
        new AuditEntry(
            seq,
            at,
            caller.subject(),
            caller.username(),
            caller.organisation().orElse(null),
            action,
            recordType,
            recordId,
            clientIp(),
            prev,
            null);
    String hash = HashChain.hash(prev, entry);
    jdbc.update(
        INSERT,
        seq,
        Timestamp.from(at),
        entry.subject(),
        entry.username(),
        entry.organisation(),
        action,
        recordType,
        recordId,
        entry.clientIp(),
        prev,
        hash);
    anchor(seq, hash);
  }

  /**
   * Records a read, an access that changes nothing, and returns {@code answer} once the entry is
   * committed: a separate writer chains and commits the entries of concurrent reads together
   * ({@link ReadAuditWriter}) while the caller builds its answer, so no answer leaves unaudited. If
   * the entry cannot be written the read fails. Unlike {@link #record}, the entry does not roll
   * back with the caller's transaction: a read whose answer fails is still on the trail (the entry
   * is waited for before the failure goes on). Inside a transaction that already holds the chain's
   * lock (it recorded a change) the entry is recorded as {@link #record} does, since the writer
   * would wait for that lock.
   */
  public <T> T recordRead(
      Caller caller, String action, String recordType, String recordId, Supplier<T> answer) {
    if (TransactionSynchronizationManager.hasResource(LOCK_HELD)) {
      record(caller, action, recordType, recordId);
      return answer.get();
    }
    ReadAuditWriter.Pending entry =
        new ReadAuditWriter.Pending(
            caller.subject(),
            caller.username(),
            caller.organisation().orElse(null),
            action,
            recordType,
            recordId,
            clientIp(),
            new CompletableFuture<>());
    reads.submit(entry);
    T built;
    try {
      built = answer.get();
    } catch (RuntimeException | Error e) {
      reads.committed(entry);
      throw e;
    }
    reads.committed(entry);
    return built;
  }

  private static void holdingTheLock() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(LOCK_HELD)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(LOCK_HELD, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LOCK_HELD);
          }
        });
  }

  /**
   * At start-up: anchors a trail written before anchors existed, and re-seals an anchor sealed with
   * a previous key (after a rotation) so that the old key can be dropped. An anchor that does not
   * open is left as it is, for verify to report.
   */
  @Transactional
  public void anchorHead() {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
    List<byte[]> anchors = jdbc.queryForList("select sealed from audit_anchor", byte[].class);
    if (anchors.isEmpty()) {
      jdbc.query(
          "select seq, hash from audit_log order by seq desc limit 1",
          (RowCallbackHandler) rs -> anchor(rs.getLong(1), rs.getString(2)));
    } else if (!encryption.isCurrent(anchors.get(0))) {
      try {
        String[] head = encryption.openText(anchors.get(0), ANCHOR).split(":", 2);
        anchor(Long.parseLong(head[0]), head[1]);
      } catch (Encryption.SealedValueException e) {
        // verify says so; overwriting it would hide what happened
      }
    }
  }

  private void anchor(long seq, String hash) {
    byte[] sealed = encryption.sealText(seq + ":" + hash, ANCHOR);
    jdbc.update(UPSERT_ANCHOR, (Object) sealed);
  }

  /** Every entry about one record, oldest first. */
  @Transactional(readOnly = true)
  public List<AuditEntry> history(String recordType, String recordId) {
    return jdbc.query(
        "select * from audit_log where record_type = ? and record_id = ? order by seq",
        AuditLog::entry,
        recordType,
        recordId);
  }

  /**
   * Every entry about one record and its parts, oldest first: parts are audited with {@code
   * partType} and an id of the form {@code <recordId>/<partId>}.
   */
  @Transactional(readOnly = true)
  public List<AuditEntry> history(String recordType, String recordId, String partType) {
    return jdbc.query(
        "select * from audit_log where (record_type = ? and record_id = ?)"
            + " or (record_type = ? and record_id like ?) order by seq",
        AuditLog::entry,
        recordType,
        recordId,
        partType,
        recordId + "/%");
  }

  /**
   * Recomputes the whole chain and reports the first row that does not fit, then checks that the
   * chain still ends where its sealed anchor says it did.
   */
  @Transactional(readOnly = true)
  public Verification verify() {
    Verification verification = recompute();
    lastVerification.set(verification.intact() ? 1.0 : 0.0);
    return verification;
  }

  private Verification recompute() {
    Checker checker = new Checker();
    jdbc.query("select * from audit_log order by seq", checker);
    Verification chain = checker.result();
    if (!chain.intact()) {
      return chain;
    }
    List<byte[]> anchors = jdbc.queryForList("select sealed from audit_anchor", byte[].class);
    if (anchors.isEmpty()) {
      return chain.entries() == 0
          ? chain
          : chain.broken(1, "the chain's anchor is missing: its end cannot be checked");
    }
    String[] head;
    try {
      head = encryption.openText(anchors.get(0), ANCHOR).split(":", 2);
    } catch (Encryption.SealedValueException e) {
      return chain.broken(
          chain.entries(),
          "the chain's anchor was altered, or sealed with a key this service lacks");
    }
    long anchoredSeq = Long.parseLong(head[0]);
    if (anchoredSeq > checker.lastSeq) {
      return chain.broken(
          checker.lastSeq + 1,
          "entries %d to %d are missing: the trail was cut short"
              .formatted(checker.lastSeq + 1, anchoredSeq));
    }
    if (anchoredSeq < checker.lastSeq || !head[1].equals(checker.prev)) {
      return chain.broken(
          anchoredSeq + 1, "the entries after the anchor were not written by this service");
    }
    return chain;
  }

  private static final class Checker implements RowCallbackHandler {
    private long expectedSeq = 1;
    private long lastSeq;
    private String prev = HashChain.GENESIS;
    private long entries;
    private Long broken;
    private String problem;

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      entries++;
      if (broken != null) {
        return;
      }
      AuditEntry e = entry(rs, 0);
      if (e.seq() != expectedSeq) {
        fail(expectedSeq, "entry " + expectedSeq + " is missing");
      } else if (!e.prevHash().equals(prev)) {
        fail(e.seq(), "entry does not link to the one before it");
      } else if (!HashChain.hash(prev, e).equals(e.hash())) {
        fail(e.seq(), "entry content does not match its hash");
      }
      expectedSeq = e.seq() + 1;
      lastSeq = e.seq();
      prev = e.hash();
    }

    private void fail(long seq, String why) {
      broken = seq;
      problem = why;
    }

    Verification result() {
      return new Verification(broken == null, entries, broken, problem);
    }
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("subject"),
        rs.getString("username"),
        rs.getString("organisation"),
        rs.getString("action"),
        rs.getString("record_type"),
        rs.getString("record_id"),
        rs.getString("client_ip"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  /** The gateway sets X-Forwarded-For; its first address is the client. */
  private static String clientIp() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpServletRequest request = attrs.getRequest();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String first = forwarded.split(",")[0].trim();
      return first.length() > 100 ? first.substring(0, 100) : first;
    }
    return request.getRemoteAddr();
  }
}
