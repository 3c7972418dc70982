package org.amicus.search.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.amicus.search.index.SearchIndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which instance of search-service ingests and rebuilds: a lease document in the state index,
 * written only with optimistic concurrency ({@code op_type=create} for the first holder, {@code
 * if_seq_no}/{@code if_primary_term} after), so of two instances that race for it one wins.
 *
 * <p>Expiry needs no agreement between clocks: a contender remembers when it first saw the lease at
 * its current {@code seq_no} and takes it over only once that seq_no has stood still for the whole
 * lease time on its own monotonic clock. The holder renews well before (every third of the lease
 * time), and counts its own lease from the moment it sent the last renewal, so it gives up before
 * any contender may take over. Before a checkpoint moves or the alias swaps, the holder {@link
 * #confirm() confirms} with one more conditional write, which fails once another instance took the
 * lease: that write is the fence.
 */
@Component
class IngestLease {

  private static final Logger log = LoggerFactory.getLogger(IngestLease.class);
  private static final String ID = "lease:ingest";

  private final ElasticsearchClient client;
  private final IngestState state;
  private final SearchIndexProperties properties;
  private final Duration time;
  private final Clock clock;
  private final LongSupplier nanos;
  private final String holder;

  /** The lease as last written or seen: seq_no and primary term, -1 when none. */
  private long seqNo = -1;

  private long primaryTerm = -1;
  private long seenAt;
  private boolean mine;
  private long validUntil;

  /** Counts acquisitions, so pollers know to read their checkpoints again after a takeover. */
  private long term;

  @Autowired
  IngestLease(
      ElasticsearchClient client,
      IngestState state,
      SearchIndexProperties properties,
      IngestProperties ingest,
      Clock clock) {
    this(client, state, properties, ingest.leaseTime(), clock, System::nanoTime);
  }

  IngestLease(
      ElasticsearchClient client,
      IngestState state,
      SearchIndexProperties properties,
      Duration time,
      Clock clock,
      LongSupplier nanos) {
    this.client = client;
    this.state = state;
    this.properties = properties;
    this.time = time;
    this.clock = clock;
    this.nanos = nanos;
    this.holder = UUID.randomUUID().toString();
  }

  /** How often {@link #tick()} should run: a third of the lease time. */
  Duration renewEvery() {
    return time.dividedBy(3);
  }

  /** This instance's id in the lease document (random per start; no host names). */
  String holder() {
    return holder;
  }

  /** Whether this instance holds the lease now, by its own clock; no request. */
  synchronized boolean held() {
    return mine && nanos.getAsLong() - validUntil < 0;
  }

  /** Changes each time this instance takes the lease; 0 before the first time. */
  synchronized long term() {
    return term;
  }

  /** Renews the lease when held, takes it when free or expired; answers whether it is held. */
  synchronized boolean tick() {
    try {
      state.ensure();
      long sent = nanos.getAsLong();
      GetResponse<Lease> found =
          client.get(g -> g.index(properties.stateIndex()).id(ID), Lease.class);
      if (!found.found()) {
        return write(sent, true, -1, -1);
      }
      long foundSeq = found.seqNo();
      long foundTerm = found.primaryTerm();
      if (foundSeq != seqNo || foundTerm != primaryTerm) {
        if (mine) {
          lost();
        }
        seqNo = foundSeq;
        primaryTerm = foundTerm;
        seenAt = sent;
        Lease lease = found.source();
        if (lease == null || !holder.equals(lease.holder())) {
          return false; // someone else renewed (or took) it just now: wait a full lease time
        }
      }
      if (mine || sent - seenAt - time.toNanos() >= 0) {
        return write(sent, false, foundSeq, foundTerm);
      }
      return false;
    } catch (IOException | RuntimeException e) {
      log.warn("Ingest lease not reachable ({})", e.getClass().getSimpleName());
      return held();
    }
  }

  /**
   * The fence: renews the lease with a conditional write before a checkpoint moves or the alias
   * swaps.
   *
   * @throws LeaseLost when another instance holds the lease
   */
  synchronized void confirm() throws IOException {
    if (!held()) {
      throw new LeaseLost();
    }
    long sent = nanos.getAsLong();
    if (!write(sent, false, seqNo, primaryTerm)) {
      throw new LeaseLost();
    }
  }

  /** Gives the lease up on a clean stop, so another instance takes over without waiting. */
  synchronized void release() {
    if (!held()) {
      return;
    }
    try {
      long s = seqNo;
      long t = primaryTerm;
      client.delete(d -> d.index(properties.stateIndex()).id(ID).ifSeqNo(s).ifPrimaryTerm(t));
    } catch (IOException | RuntimeException e) {
      // it expires instead
    }
    mine = false;
  }

  private boolean write(long sent, boolean create, long ifSeq, long ifTerm) throws IOException {
    Lease lease = new Lease(holder, clock.instant().plus(time).toString());
    IndexResponse written;
    try {
      written =
          client.index(
              i -> {
                i.index(properties.stateIndex()).id(ID).document(lease).refresh(Refresh.False);
                return create ? i.opType(OpType.Create) : i.ifSeqNo(ifSeq).ifPrimaryTerm(ifTerm);
              });
    } catch (ElasticsearchException e) {
      if (e.status() == 409) {
        if (mine) {
          lost();
        }
        seqNo = -1; // read it again on the next tick
        return false;
      }
      throw e;
    }
    if (!mine) {
      term++;
      log.info("This instance ({}) now holds the ingest lease", holder);
    }
    mine = true;
    seqNo = written.seqNo();
    primaryTerm = written.primaryTerm();
    seenAt = sent;
    validUntil = sent + time.toNanos();
    return true;
  }

  private void lost() {
    mine = false;
    log.warn("This instance ({}) lost the ingest lease to another instance", holder);
  }

  /**
   * @param holder the holding instance's random id
   * @param expiresAt for people reading the document; contenders go by their own clocks
   */
  record Lease(String holder, String expiresAt) {}

  /** Another instance holds the ingest lease: this one must not move checkpoints or the alias. */
  static final class LeaseLost extends IOException {
    LeaseLost() {
      super("another instance holds the ingest lease");
    }
  }
}
