package org.amicus.search.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.amicus.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * After an upgrade whose mapping needs new fields in every record (see {@link SearchIndex}), starts
 * the rebuild from the sources' snapshots without an admin having to: until it is done, the records
 * of the old generation lack {@code readers} and nobody finds them. The same holds for an index
 * from before the names index, whose empty names twin the names call refuses to answer from. Looks
 * again, with a growing pause, until the index is up to date: a rebuild that failed (a source was
 * down) is started again. Only the instance holding the ingest lease looks: the others wait.
 */
@Component
class OutdatedIndexRebuild implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutdatedIndexRebuild.class);

  private final SearchIndex index;
  private final Rebuild rebuild;
  private final IngestLease lease;
  private final IngestProperties properties;
  private ScheduledExecutorService executor;
  private volatile boolean running;

  OutdatedIndexRebuild(
      SearchIndex index, Rebuild rebuild, IngestLease lease, IngestProperties properties) {
    this.index = index;
    this.rebuild = rebuild;
    this.lease = lease;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || running) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "search-outdated-index");
              thread.setDaemon(true);
              return thread;
            });
    running = true;
    executor.schedule(() -> check(1), 0, TimeUnit.MILLISECONDS);
  }

  /** Until the index is up to date: start a rebuild unless one runs, and look again later. */
  private void check(int attempt) {
    try {
      if (lease.held()) {
        index.ensure();
        if (!index.outdated() && index.namesComplete()) {
          return;
        }
        if (rebuild.start().isPresent()) {
          log.warn(
              "The search index predates mapping version {} or the names index: rebuilding it",
              index.version());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Elasticsearch not reachable yet: try again
    }
    if (running) {
      long base = Math.max(100, properties.pollInterval().toMillis());
      Duration wait =
          Duration.ofMillis(
              Math.min(base << Math.min(attempt, 20), properties.maxBackoff().toMillis()));
      executor.schedule(() -> check(attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
