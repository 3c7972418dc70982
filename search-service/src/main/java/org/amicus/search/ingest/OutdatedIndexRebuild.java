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
 * the rebuild from the sources' snapshots once, without an admin having to: until it is done, the
 * records of the old generation lack {@code readers} and nobody finds them. Retries until
 * Elasticsearch answers; an admin can still start a rebuild by hand.
 */
@Component
class OutdatedIndexRebuild implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutdatedIndexRebuild.class);

  private final SearchIndex index;
  private final Rebuild rebuild;
  private final IngestProperties properties;
  private ScheduledExecutorService executor;
  private volatile boolean running;

  OutdatedIndexRebuild(SearchIndex index, Rebuild rebuild, IngestProperties properties) {
    this.index = index;
    this.rebuild = rebuild;
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

  private void check(int attempt) {
    try {
      index.ensure();
      if (index.outdated()) {
        log.warn("The search index predates mapping version {}: rebuilding it", index.version());
        if (rebuild.start().isEmpty()) {
          log.info("A rebuild is already running");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        long base = Math.max(100, properties.pollInterval().toMillis());
        Duration wait =
            Duration.ofMillis(
                Math.min(base << Math.min(attempt, 20), properties.maxBackoff().toMillis()));
        executor.schedule(() -> check(attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
      }
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
