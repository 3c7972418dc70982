package org.amicus.search.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code ingest} in /actuator/health: lag and checkpoint per source; DOWN when a source has not
 * been read for a minute (search still answers, from an index that is falling behind). Not part of
 * readiness: a source being down is no reason to stop serving searches. An instance that does not
 * hold the ingest lease reads no source and is never stale; {@code lease} says which it is.
 */
@Component
class IngestHealthIndicator extends AbstractHealthIndicator {

  private static final Duration STALE = Duration.ofMinutes(1);

  private final Ingest ingest;
  private final Clock clock;
  private final Instant started;

  IngestHealthIndicator(Ingest ingest, Clock clock) {
    super("Ingest health check failed");
    this.ingest = ingest;
    this.clock = clock;
    this.started = clock.instant();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean stale = false;
    Map<String, Object> sources = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (SourcePoller.Status status : ingest.status()) {
      Instant since = status.lastSuccess() == null ? started : status.lastSuccess();
      stale |=
          ingest.isRunning() && ingest.leads() && Duration.between(since, now).compareTo(STALE) > 0;
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("checkpoint", status.checkpoint());
      detail.put("head", status.head());
      detail.put("lag", status.lag());
      detail.put(
          "lastSuccess", status.lastSuccess() == null ? "never" : status.lastSuccess().toString());
      if (status.lastError() != null) {
        detail.put("lastError", status.lastError());
      }
      sources.put(status.source(), detail);
    }
    (stale ? builder.down() : builder.up())
        .withDetail("lease", ingest.leads() ? "held" : "standby")
        .withDetail("sources", sources);
  }
}
