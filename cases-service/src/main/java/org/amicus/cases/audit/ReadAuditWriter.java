package org.amicus.cases.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amicus.platform.encryption.Encryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends the entries of reads to the audit trail by group commit: one writer thread takes every
 * entry waiting, chains them in the order it writes them, and commits them in one transaction under
 * the same advisory lock as {@link AuditLog#record}; each reader waits until its entry is committed
 * before its response leaves. So the trail stays complete and gap-free, and a read no longer holds
 * the chain's lock from its entry to its own commit (the profile showed reads queued on it).
 *
 * <p>The writer has a connection of its own, outside the application's pool: the readers waiting
 * for it hold pooled connections, and it must never wait for one of theirs.
 */
@Component
class ReadAuditWriter implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReadAuditWriter.class);

  /** Entries per transaction at most; more wait for the next one. */
  static final int MAX_BATCH = 256;

  /** A reader gets an error rather than its record after this long: nothing leaves unaudited. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** What a reader hands over: everything but seq, time and the chain, which the writer sets. */
  record Pending(
      String subject,
      String username,
      String organisation,
      String action,
      String recordType,
      String recordId,
      String clientIp,
      CompletableFuture<Long> committed) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Encryption encryption;
  private final Clock clock = Clock.systemUTC();
  private final Thread thread;
  private volatile boolean running = true;

  ReadAuditWriter(DataSourceProperties properties, Encryption encryption) {
    this.encryption = encryption;
    this.dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    dataSource.setPoolName("audit-writer");
    dataSource.setMaximumPoolSize(1);
    dataSource.setMinimumIdle(1);
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.thread = new Thread(this::run, "audit-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands the entry to the writer; {@link #committed} waits for it. */
  void submit(Pending entry) {
    if (!running) {
      throw new IllegalStateException("The audit writer has stopped: the read is not answered");
    }
    queue.add(entry);
  }

  /** Returns once a submitted entry is committed, with its seq; throws if it was not written. */
  long committed(Pending entry) {
    try {
      return entry.committed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the read's audit entry was written", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The read's audit entry was not written", e);
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running) {
      try {
        Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        List<Long> seqs = transactions.execute(status -> write(batch));
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).committed().complete(seqs.get(i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        // logged without the entries: they name who read what
        log.error(
            "Audit entries of {} reads could not be written; the reads fail", batch.size(), e);
        batch.forEach(p -> p.committed().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.committed().completeExceptionally(new IllegalStateException("stopped")));
  }

  private List<Long> write(List<Pending> batch) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, AuditLog.LOCK_KEY);
    List<Object[]> last =
        jdbc.query(
            "select seq, hash from audit_log order by seq desc limit 1",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    long seq = last.isEmpty() ? 0 : (long) last.get(0)[0];
    String prev = last.isEmpty() ? HashChain.GENESIS : (String) last.get(0)[1];
    // taken under the lock, as AuditLog.record does, so times follow the chain's order
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Object[]> rows = new ArrayList<>(batch.size());
    List<Long> seqs = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      seq++;
      AuditEntry entry =
          new AuditEntry(
              seq,
              at,
              p.subject(),
              p.username(),
              p.organisation(),
              p.action(),
              p.recordType(),
              p.recordId(),
              p.clientIp(),
              prev,
              null);
      String hash = HashChain.hash(prev, entry);
      rows.add(
          new Object[] {
            seq,
            Timestamp.from(at),
            p.subject(),
            p.username(),
            p.organisation(),
            p.action(),
            p.recordType(),
            p.recordId(),
            p.clientIp(),
            prev,
            hash
          });
      seqs.add(seq);
      prev = hash;
    }
    jdbc.batchUpdate(AuditLog.INSERT, rows);
    jdbc.update(
        AuditLog.UPSERT_ANCHOR, (Object) encryption.sealText(seq + ":" + prev, AuditLog.ANCHOR));
    return seqs;
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    thread.join(WAIT.toMillis());
    dataSource.close();
  }
}
