package org.amicus.search.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.amicus.platform.changefeed.Change;
import org.amicus.platform.changefeed.ChangeBatch;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndex;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Runs one poller per configured source, each on its own thread, and lets a rebuild hold them back
 * while it moves the alias. Lag per source is the gauge {@code amicus.search.ingest.lag}. Of
 * several instances only the one holding the {@link IngestLease} polls; the others keep trying to
 * take the lease, and one does within the lease time after the holder dies.
 */
@Component
public class Ingest implements SmartLifecycle {

  /** Pollers apply under the read side; the alias swap of a rebuild takes the write side. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final IngestProperties properties;
  private final IngestState state;
  private final IndexWriter writer;
  private final SearchIndex index;
  private final IngestLease lease;
  private final List<SourcePoller> pollers = new ArrayList<>();
  private ScheduledExecutorService executor;
  private volatile boolean running;

  Ingest(
      IngestProperties properties,
      IngestState state,
      IndexWriter writer,
      SearchIndex index,
      IngestLease lease,
      ServiceToken token,
      RestClient.Builder http,
      MeterRegistry meters,
      Clock clock) {
    this.properties = properties;
    this.state = state;
    this.writer = writer;
    this.index = index;
    this.lease = lease;
    for (Map.Entry<String, java.net.URI> source : properties.sources().entrySet()) {
      FeedClient feed = new FeedClient(source.getKey(), source.getValue(), http, token);
      SourcePoller poller =
          new SourcePoller(feed, state, writer, index, lease, properties, lock.readLock(), clock);
      pollers.add(poller);
      Gauge.builder("amicus.search.ingest.lag", poller, SourcePoller::lag)
          .tag("source", source.getKey())
          .description("Changes a source has that the search index does not yet have")
          .baseUnit("changes")
          .register(meters);
    }
    Gauge.builder("amicus.search.dead.letters", state, IngestState::deadLetterCount)
        .description("Changes the index refused, waiting in the dead letters for a retry")
        .register(meters);
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || running) {
      return;
    }
    executor =
        Executors.newScheduledThreadPool(
            pollers.size() + 1,
            r -> {
              Thread thread = new Thread(r, "search-ingest");
              thread.setDaemon(true);
              return thread;
            });
    running = true;
    // the holder's first poll creates the (empty) index, so searches find one before a source
    // answers; only the holder does, or two instances could each create a first generation
    executor.scheduleWithFixedDelay(
        lease::tick, 0, lease.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
    pollers.forEach(p -> schedule(p, Duration.ZERO));
  }

  private void schedule(SourcePoller poller, Duration delay) {
    if (!running) {
      return;
    }
    executor.schedule(
        () -> schedule(poller, poller.step()), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lease.release();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether this instance holds the ingest lease, so polls the sources and may rebuild. */
  public boolean leads() {
    return lease.held();
  }

  public List<SourcePoller.Status> status() {
    return pollers.stream().map(SourcePoller::status).toList();
  }

  List<SourcePoller> pollers() {
    return pollers;
  }

  IngestLease lease() {
    return lease;
  }

  ReentrantReadWriteLock lock() {
    return lock;
  }

  Optional<SourcePoller> poller(String source) {
    return pollers.stream().filter(p -> p.source().equals(source)).findFirst();
  }

  /**
   * Reads a dead letter's change again from its source and applies it.
   *
   * @return the dead letter if it still fails, empty when it is now indexed (or superseded)
   */
  Optional<IngestState.DeadLetter> retry(IngestState.DeadLetter letter) throws IOException {
    if (writer.version(index.alias(), letter.type(), letter.recordId()) > letter.seq()) {
      // a newer change of the record is indexed: the dead letter is history, not a gap
      state.resolve(letter.id());
      return Optional.empty();
    }
    SourcePoller poller =
        poller(letter.source())
            .orElseThrow(() -> new IllegalStateException("source no longer configured"));
    ChangeBatch batch = poller.feed().changes(letter.seq() - 1, 1);
    List<Change> changes = batch.changes().stream().filter(c -> c.seq() == letter.seq()).toList();
    if (changes.isEmpty()) {
      state.resolve(letter.id()); // the source no longer has it: nothing left to index
      return Optional.empty();
    }
    lock.readLock().lock();
    try {
      List<IndexWriter.Rejected> rejected =
          writer.apply(letter.source(), index.alias(), changes, true);
      if (rejected.isEmpty()) {
        state.resolve(letter.id());
        return Optional.empty();
      }
      state.deadLetter(letter.source(), rejected.get(0));
      return state.deadLetter(letter.id());
    } finally {
      lock.readLock().unlock();
    }
  }
}
