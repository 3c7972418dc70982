package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Platform.Instance;
import org.amicus.local.Applications.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's "Search ×2": a second search-service process on the same indices ({@link
 * Platform#another}), beside the platform's own, both reading cases-service's and
 * workflow-service's change feeds.
 *
 * <ul>
 *   <li>Only one holds the ingest lease: that one alone reads the sources (the other's ingest
 *       status never moves) and alone rebuilds (the other refuses a rebuild, naming the lease), and
 *       the lease document's holder stays the same while thousands of changes are written and the
 *       index is rebuilt.
 *   <li>The holder killed (SIGKILL) mid-ingest: the other takes the lease over once it has expired,
 *       reads on from the dead one's checkpoint, and the index equals the source (each record at
 *       the version of its last change, none of the deleted ones), as {@link IngestFaultsTest}
 *       compares.
 * </ul>
 *
 * <p>What the assertions depend on: the ingest lease, {@code IngestLease}, a document in the state
 * index both instances share ({@code AMICUS_SEARCH_INDEX_STATEINDEX}), written only with optimistic
 * concurrency; the checkpoints live beside it. {@link #withoutTheSharedLeaseBothInstancesIngest}
 * shows the failure side through that setting: a second instance with a state index of its own
 * holds a lease of its own and reads every source from the start again, the double work the lease
 * exists to prevent.
 */
class TwoSearchServicesTest {

  private static final int RECORDS = 2_000;
  private static final Duration LEASE_EXPIRY = Duration.ofSeconds(15); // IngestProperties' default

  private final Platform platform = Platform.get();
  private Instance second;

  @AfterEach
  void leaveThePlatformAsItWas() {
    if (!platform.isRunning(Application.SEARCH)) {
      platform.restart(Application.SEARCH);
    }
    if (second != null && second.process().isAlive()) {
      second.process().stop(); // a clean stop releases the lease: the platform's own takes it
    }
    await("the platform's own search-service ingesting again")
        .atMost(LEASE_EXPIRY.plusSeconds(30))
        .ignoreExceptions()
        .until(() -> readsTheSources(platform.url(Application.SEARCH)));
  }

  @Test
  void oneInstanceHoldsTheLeaseAndTheOtherTakesOverWhenItIsKilledMidIngest() throws Exception {
    SyntheticChanges changes = new SyntheticChanges(platform, "two-search-" + tag() + "-", RECORDS);
    changes.write(500);
    second = platform.another(Application.SEARCH, Map.of());
    String first = platform.url(Application.SEARCH);

    // exactly one rebuilds: the one holding the lease; the other names the lease in its refusal
    Reply onFirst = admin(first).post("/api/search/admin/reindex", Map.of());
    Reply onSecond = admin(second.url()).post("/api/search/admin/reindex", Map.of());
    assertThat(List.of(onFirst.status(), onSecond.status()))
        .as("of two instances exactly one rebuilds")
        .containsExactlyInAnyOrder(202, 409);
    boolean firstHolds = onFirst.status() == 202;
    String holder = firstHolds ? first : second.url();
    String standby = firstHolds ? second.url() : first;
    Reply refused = firstHolds ? onSecond : onFirst;
    assertThat(refused.body()).contains("ingest lease");
    String leaseHolder = leaseHolder();
    JsonNode standbyStatus = ingest(standby);

    // writes while the rebuild runs and both instances are up
    changes.write(3_000);
    await("the rebuild done")
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(
            () -> admin(holder).get("/api/search/admin/reindex").json().path("state").asText(),
            "DONE"::equals);
    Map<String, Long> source = changes.source();
    await("the index equal to the source")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> changes.indexed().equals(source));
    assertThat(ingest(standby))
        .as("the standby read no source: no double work")
        .isEqualTo(standbyStatus);
    assertThat(leaseHolder()).as("the lease never moved").isEqualTo(leaseHolder);

    // the holder killed mid-ingest; the standby takes over and loses nothing
    changes.write(6_000);
    await("the ingest under way")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> !changes.indexed().equals(source));
    if (firstHolds) {
      platform.kill(Application.SEARCH);
    } else {
      second.process().kill();
    }
    Map<String, Long> sourceAtKill = changes.source();
    assertThat(changes.indexed()).as("killed mid-ingest").isNotEqualTo(sourceAtKill);
    await("the standby holding the lease")
        .atMost(LEASE_EXPIRY.plusSeconds(30))
        .ignoreExceptions()
        .until(() -> !leaseHolder().equals(leaseHolder));
    await("the index equal to the source")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> changes.indexed().equals(sourceAtKill));
    assertThat(SyntheticChanges.checksum(changes.indexed()))
        .isEqualTo(SyntheticChanges.checksum(sourceAtKill));
    assertThat(ingest(standby))
        .as("the former standby now reads the sources")
        .isNotEqualTo(standbyStatus);
    assertThat(changes.written()).isEqualTo(9_500);
  }

  /**
   * The failure side: with a state index of its own (so a lease and checkpoints of its own, as if
   * the shared store were removed), the second instance holds a lease too and reads cases-service's
   * whole feed again, though the platform's own instance had ingested it already.
   */
  @Test
  void withoutTheSharedLeaseBothInstancesIngest() throws Exception {
    String ownState = platform.runId() + "-search-state-" + tag();
    try {
      second =
          platform.another(Application.SEARCH, Map.of("AMICUS_SEARCH_INDEX_STATEINDEX", ownState));
      // the platform's own instance ingested the feed long ago; this one reads it from the start
      await("the second instance reading the feed again")
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .until(() -> cases(ingest(second.url())).path("checkpoint").asLong() > 0);
      assertThat(readsTheSources(platform.url(Application.SEARCH)))
          .as("the platform's own instance reads the same sources")
          .isTrue();
    } finally {
      if (second != null) {
        second.process().stop();
      }
      IndexedRecords.request(platform, "DELETE", "/" + ownState, null);
    }
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private Api admin(String url) {
    return new Api(url, () -> platform.token("adam"));
  }

  /** Checkpoint, head, lag and last success per source, as the instance reports them. */
  private JsonNode ingest(String url) {
    Reply status = admin(url).get("/api/search/admin/ingest");
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    return status.json();
  }

  private static JsonNode cases(JsonNode ingest) {
    for (JsonNode source : ingest) {
      if ("cases".equals(source.path("source").asText())) {
        return source;
      }
    }
    throw new AssertionError("no cases source in " + ingest);
  }

  /** Whether the instance has read cases-service's feed: only a lease holder does. */
  private boolean readsTheSources(String url) {
    return !cases(ingest(url)).path("lastSuccess").isNull();
  }

  /** The holder's random id in the lease document both instances share. */
  private String leaseHolder() throws Exception {
    HttpResponse<String> lease =
        IndexedRecords.request(
            platform, "GET", "/" + platform.runId() + "-search-state/_doc/lease:ingest", null);
    assertThat(lease.statusCode()).isEqualTo(200);
    return Api.JSON.readTree(lease.body()).path("_source").path("holder").asText();
  }
}
