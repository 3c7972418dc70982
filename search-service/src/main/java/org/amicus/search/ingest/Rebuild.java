package org.amicus.search.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.amicus.platform.changefeed.ChangeBatch;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A full rebuild without downtime: every source's snapshot goes into a new generation while queries
 * keep reading the old one; then the feed is followed from the head each snapshot started at, and
 * with the pollers held back the alias moves to the new generation in one atomic request. Progress
 * is counted in seq: the snapshot of a source is paged by seq up to its head. Only the instance
 * holding the ingest lease rebuilds, and it confirms the lease before the alias moves.
 */
@Component
public class Rebuild {

  private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

  private final Ingest ingest;
  private final SearchIndex index;
  private final IndexWriter writer;
  private final IngestState state;
  private final IngestProperties properties;
  private final Clock clock;
  private final AtomicReference<Progress> progress = new AtomicReference<>();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong documents = new AtomicLong();

  Rebuild(
      Ingest ingest,
      SearchIndex index,
      IndexWriter writer,
      IngestState state,
      IngestProperties properties,
      Clock clock) {
    this.ingest = ingest;
    this.index = index;
    this.writer = writer;
    this.state = state;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Starts a rebuild in the background; empty when one is already running or another instance holds
   * the ingest lease (see {@link #here()}).
   */
  public synchronized Optional<Progress> start() {
    if (!here()) {
      return Optional.empty();
    }
    Progress current = progress.get();
    if (current != null && current.state() == State.RUNNING) {
      return Optional.empty();
    }
    done.set(0);
    documents.set(0);
    Progress started =
        new Progress(State.RUNNING, null, null, 0, 0, 0, 0, null, clock.instant(), null, null);
    progress.set(started);
    Thread thread = new Thread(this::run, "search-rebuild");
    thread.setDaemon(true);
    thread.start();
    return Optional.of(started);
  }

  /** Whether rebuilds run on this instance: it holds the ingest lease. */
  public boolean here() {
    return ingest.leads();
  }

  /** The running or last rebuild, with its rate and ETA; empty when none ran since start. */
  public Optional<Progress> progress() {
    Progress p = progress.get();
    if (p == null || p.state() != State.RUNNING) {
      return Optional.ofNullable(p);
    }
    return Optional.of(measure(p));
  }

  private Progress measure(Progress p) {
    double seconds =
        Math.max(0.001, Duration.between(p.startedAt(), clock.instant()).toMillis() / 1000.0);
    long d = Math.min(done.get(), p.total());
    double rate = documents.get() / seconds;
    double seqRate = d / seconds;
    Long eta = seqRate > 0 && p.total() > 0 ? Math.round((p.total() - d) / seqRate) : null;
    return new Progress(
        p.state(),
        p.phase(),
        p.index(),
        d,
        p.total(),
        documents.get(),
        Math.round(rate * 10) / 10.0,
        eta,
        p.startedAt(),
        p.finishedAt(),
        p.error());
  }

  private void update(String phase, String target, long total) {
    progress.updateAndGet(
        p ->
            new Progress(
                State.RUNNING, phase, target, 0, total, 0, 0, null, p.startedAt(), null, null));
  }

  private void run() {
    String target = null;
    try {
      index.ensure();
      target = index.createGeneration();
      Map<SourcePoller, Long> heads = new LinkedHashMap<>();
      long total = 0;
      for (SourcePoller poller : ingest.pollers()) {
        long head = poller.feed().head();
        heads.put(poller, head);
        total += head;
      }
      update("snapshot", target, total);
      log.info("Rebuild into {} started; {} sources", target, heads.size());
      for (Map.Entry<SourcePoller, Long> entry : heads.entrySet()) {
        snapshot(entry.getKey(), target);
      }
      update("catch-up", target, total);
      done.set(total);
      Map<SourcePoller, Long> positions = new LinkedHashMap<>(heads);
      for (SourcePoller poller : positions.keySet()) {
        positions.put(poller, follow(poller, target, positions.get(poller)));
      }
      ingest.lock().writeLock().lock();
      String previous;
      try {
        // the pollers wait here: whatever they would apply next, the new generation gets first
        ingest.lease().confirm(); // the fence: checkpoints and alias move only while this leads
        for (SourcePoller poller : positions.keySet()) {
          long position = follow(poller, target, positions.get(poller));
          poller.advanceTo(position);
        }
        index.refresh(target);
        previous = index.current().orElse(null);
        index.swapTo(target);
      } finally {
        ingest.lock().writeLock().unlock();
      }
      if (previous != null && !previous.equals(target)) {
        index.drop(previous);
      }
      String built = target;
      progress.updateAndGet(
          p -> {
            Progress m = measure(p);
            return new Progress(
                State.DONE,
                "done",
                built,
                m.total(),
                m.total(),
                m.documents(),
                m.rate(),
                0L,
                p.startedAt(),
                clock.instant(),
                null);
          });
      log.info("Rebuild into {} done; alias moved", target);
    } catch (RuntimeException | IOException e) {
      log.error("Rebuild failed ({})", e.getClass().getSimpleName(), e);
      String failed = target;
      progress.updateAndGet(
          p ->
              new Progress(
                  State.FAILED,
                  "failed",
                  failed,
                  done.get(),
                  p.total(),
                  documents.get(),
                  0,
                  null,
                  p.startedAt(),
                  clock.instant(),
                  e.getClass().getSimpleName()));
      if (failed != null) {
        try {
          index.drop(failed);
        } catch (IOException | RuntimeException dropFailed) {
          log.warn("Could not drop the unfinished generation {}", failed);
        }
      }
    }
  }

  private void snapshot(SourcePoller poller, String target) throws IOException {
    long after = 0;
    long start = done.get();
    ChangeBatch batch;
    do {
      batch = poller.feed().snapshot(after, properties.batchSize());
      apply(poller, target, batch);
      after = batch.next();
      done.set(start + after);
    } while (batch.more());
  }

  /** Applies the feed after {@code from} to {@code target}; answers where it stopped. */
  private long follow(SourcePoller poller, String target, long from) throws IOException {
    long after = from;
    ChangeBatch batch;
    do {
      batch = poller.feed().changes(after, properties.batchSize());
      apply(poller, target, batch);
      after = Math.max(after, batch.next());
    } while (batch.more());
    return after;
  }

  private void apply(SourcePoller poller, String target, ChangeBatch batch) throws IOException {
    for (IndexWriter.Rejected poison :
        writer.apply(poller.source(), target, batch.changes(), false)) {
      state.deadLetter(poller.source(), poison);
    }
    documents.addAndGet(batch.changes().size());
  }

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * @param done seq read so far over all sources, out of {@code total} (their heads at the start)
   * @param documents records written into the new generation
   * @param rate records per second
   * @param etaSeconds estimated seconds left; null until there is a rate
   */
  public record Progress(
      State state,
      String phase,
      String index,
      long done,
      long total,
      long documents,
      double rate,
      Long etaSeconds,
      Instant startedAt,
      Instant finishedAt,
      String error) {}
}
