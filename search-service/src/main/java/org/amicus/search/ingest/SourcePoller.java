package org.amicus.search.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.amicus.platform.changefeed.ChangeBatch;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one source's change feed into the index: read a batch after the checkpoint, apply it with
 * external versions, park poison changes as dead letters, then move the checkpoint. A crash between
 * applying and saving the checkpoint only means the batch is applied again, which the versions make
 * harmless. Only while this instance holds the {@link IngestLease} does it poll; it confirms the
 * lease before the checkpoint moves, and reads the checkpoint again after each takeover, since
 * another instance moved it meanwhile.
 */
final class SourcePoller {

  private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

  private final FeedClient feed;
  private final IngestState state;
  private final IndexWriter writer;
  private final SearchIndex index;
  private final IngestLease lease;
  private final IngestProperties properties;
  private final Lock applying;
  private final Clock clock;

  private volatile long checkpoint = -1;
  private volatile long term = -1;
  private volatile long head;
  private volatile Instant lastSuccess;
  private volatile String lastError;
  private volatile int failures;

  /** The next batch, read and projected while the current one is written; only step() uses it. */
  private Future<Read> ahead;

  /** Reads ahead; its one thread ends after 30 s without work, so it needs no stopping. */
  private final ExecutorService reader;

  SourcePoller(
      FeedClient feed,
      IngestState state,
      IndexWriter writer,
      SearchIndex index,
      IngestLease lease,
      IngestProperties properties,
      Lock applying,
      Clock clock) {
    this.feed = feed;
    this.state = state;
    this.writer = writer;
    this.index = index;
    this.lease = lease;
    this.properties = properties;
    this.applying = applying;
    this.clock = clock;
    this.reader =
        new ThreadPoolExecutor(
            0,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread thread = new Thread(r, "search-ingest-read-" + feed.source());
              thread.setDaemon(true);
              return thread;
            });
  }

  String source() {
    return feed.source();
  }

  FeedClient feed() {
    return feed;
  }

  /** One poll; answers how long to wait before the next. */
  Duration step() {
    long held = lease.term();
    if (!lease.held()) {
      discardAhead();
      return properties.pollInterval(); // another instance ingests
    }
    try {
      index.ensure();
      if (checkpoint < 0 || term != held) {
        checkpoint = state.checkpoint(source());
        term = held;
      }
      Read read = next(checkpoint, held);
      ChangeBatch batch = read.batch();
      if (batch.more()) {
        // the next batch is read and projected while this one is written
        ahead = readAhead(batch.next(), held);
      }
      applying.lock();
      try {
        if (read.after() != checkpoint) {
          // a rebuild moved the checkpoint while this batch was read: read from there instead
          discardAhead();
          return Duration.ZERO;
        }
        List<IndexWriter.Rejected> rejected = writer.write(index.alias(), read.prepared(), false);
        for (IndexWriter.Rejected poison : rejected) {
          log.warn(
              "Change {} of source {} cannot be indexed ({}); parked as a dead letter",
              poison.change().seq(),
              source(),
              poison.errorType());
          state.deadLetter(source(), poison);
        }
        if (batch.next() > checkpoint) {
          lease.confirm(); // the fence: no checkpoint moves once another instance took over
          state.saveCheckpoint(source(), batch.next());
          checkpoint = batch.next();
        }
      } finally {
        applying.unlock();
      }
      head = batch.more() ? Math.max(read.head(), checkpoint) : checkpoint;
      if (failures > 0) {
        log.info("Source {} reachable again after {} failed polls", source(), failures);
      }
      failures = 0;
      lastError = null;
      lastSuccess = clock.instant();
      return batch.more() ? Duration.ZERO : properties.pollInterval();
    } catch (IngestLease.LeaseLost e) {
      log.info("Source {}: the ingest lease moved to another instance; standing by", source());
      checkpoint = -1;
      discardAhead();
      return properties.pollInterval();
    } catch (RuntimeException | java.io.IOException e) {
      discardAhead();
      failures++;
      lastError = e.getClass().getSimpleName();
      Duration backoff = backoff(failures);
      log.warn(
          "Polling source {} failed ({}), attempt {}; next try in {} ms",
          source(),
          lastError,
          failures,
          backoff.toMillis());
      return backoff;
    }
  }

  /**
   * The batch after {@code after}, read and projected: the one read ahead during the last step if
   * it starts there and was read under the same lease term, else read now.
   */
  private Read next(long after, long held) throws java.io.IOException {
    Future<Read> read = ahead;
    ahead = null;
    if (read != null) {
      try {
        Read done = read.get();
        if (done.after() == after && done.term() == held) {
          return done;
        }
      } catch (ExecutionException e) {
        // read again below; a failure that lasts fails that read too
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading ahead");
      }
    }
    return read(after, held);
  }

  private Read read(long after, long held) {
    ChangeBatch batch = feed.changes(after, properties.batchSize());
    IndexWriter.Prepared prepared = writer.prepare(source(), batch.changes());
    return new Read(after, held, batch, prepared, batch.more() ? feed.head() : batch.next());
  }

  private Future<Read> readAhead(long after, long held) {
    try {
      return reader.submit(() -> read(after, held));
    } catch (RejectedExecutionException e) {
      return null; // the next step reads in line
    }
  }

  private void discardAhead() {
    Future<Read> read = ahead;
    ahead = null;
    if (read != null) {
      read.cancel(true);
    }
  }

  /**
   * A batch of the feed read after {@code after} under lease {@code term}, projected, and the
   * source's head when it was read.
   */
  private record Read(
      long after, long term, ChangeBatch batch, IndexWriter.Prepared prepared, long head) {}

  /** The pause after {@code failures} failed polls: doubling from the poll interval, capped. */
  Duration backoff(int failures) {
    long base = Math.max(100, properties.pollInterval().toMillis());
    long millis = base << Math.min(failures, 20);
    return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
  }

  /** After a rebuild followed the feed further than this poller, skip what it already applied. */
  void advanceTo(long seq) throws java.io.IOException {
    if (seq > checkpoint) {
      state.saveCheckpoint(source(), seq);
      checkpoint = seq;
      head = Math.max(head, seq);
    }
  }

  /** Changes the source has that the index does not, as of the last poll. */
  long lag() {
    return Math.max(0, head - Math.max(checkpoint, 0));
  }

  Status status() {
    return new Status(
        source(), Math.max(checkpoint, 0), head, lag(), lastSuccess, lastError, failures);
  }

  /** How one source's ingest is doing, for health and for admins. */
  record Status(
      String source,
      long checkpoint,
      long head,
      long lag,
      Instant lastSuccess,
      String lastError,
      int failedPolls) {}
}
