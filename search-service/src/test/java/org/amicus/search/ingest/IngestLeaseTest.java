package org.amicus.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.search.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' leases on the real Elasticsearch, each with a clock the test moves, so a crash (a
 * holder that stops renewing without a word) and the fence after it are exact, not timed.
 */
class IngestLeaseTest {

  private static final Duration TIME = Duration.ofSeconds(15);

  private final TestElasticsearch es = new TestElasticsearch();
  private final AtomicLong nanosA = new AtomicLong();
  private final AtomicLong nanosB = new AtomicLong(1_000_000_000L); // clocks need not agree
  private final IngestLease a = lease(nanosA);
  private final IngestLease b = lease(nanosB);

  @AfterEach
  void deleteIndices() throws Exception {
    es.close();
  }

  @Test
  void aCrashedHoldersLeaseIsTakenOverAfterTheLeaseTimeAndFencesItsLateWrites() throws Exception {
    assertThat(a.tick()).isTrue();
    assertThat(b.tick()).as("held by a").isFalse();

    // a renews; b's wait starts again at each renewal it sees
    advance(TIME.minusSeconds(5));
    assertThat(a.tick()).isTrue();
    assertThat(b.tick()).isFalse();
    advance(TIME.minusSeconds(1));
    assertThat(b.tick()).as("renewed less than a lease time ago").isFalse();

    // a stops renewing (a crash): after a whole lease time unchanged, b takes over
    advance(Duration.ofSeconds(2));
    assertThat(a.held()).as("a counts its lease out before b may take it").isFalse();
    assertThat(b.tick()).isTrue();
    assertThat(b.term()).isEqualTo(1);

    // a wakes up late and wants to move a checkpoint: its conditional write fails
    assertThatThrownBy(a::confirm).isInstanceOf(IngestLease.LeaseLost.class);
    assertThat(a.tick()).isFalse();
    b.confirm();
    assertThat(b.held()).isTrue();
  }

  @Test
  void aCleanStopHandsTheLeaseOverAtTheNextTick() {
    assertThat(a.tick()).isTrue();
    assertThat(b.tick()).isFalse();

    a.release();

    assertThat(a.held()).isFalse();
    assertThat(b.tick()).isTrue();
    assertThat(a.tick()).isFalse();
  }

  private void advance(Duration by) {
    nanosA.addAndGet(by.toNanos());
    nanosB.addAndGet(by.toNanos());
  }

  private IngestLease lease(AtomicLong nanos) {
    Clock clock = Clock.systemUTC();
    return new IngestLease(
        es.client,
        new IngestState(es.client, es.properties, clock),
        es.properties,
        TIME,
        clock,
        nanos::get);
  }
}
