package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.amicus.local.Applications.Application;
import org.amicus.runtime.Component;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's ingest fault: search-service, then Elasticsearch, then cases-service killed with
 * SIGKILL while 10,000 changes flow from cases-service's change feed into the index. Once all run
 * again, the index holds exactly what the source says: the same records, each at the version (seq)
 * of its last change, and none of the deleted ones.
 *
 * <p>The changes are {@link SyntheticChanges}, written straight into cases-service's outbox.
 */
class IngestFaultsTest {

  private static final int CHANGES = 10_000;
  private static final int RECORDS = 3_000;

  private final Platform platform = Platform.get();
  private final SyntheticChanges changes = new SyntheticChanges(platform, "fault-", RECORDS);

  @Test
  void afterKillsOfSearchElasticsearchAndCasesTheIndexEqualsTheSource() throws Exception {
    assumeTrue(platform.ownsDependencies(), "runs only with dependencies of its own");

    changes.write(4_000);
    await("the ingest under way")
        .atMost(Duration.ofMinutes(3))
        .ignoreExceptions()
        .until(() -> changes.indexed().size(), n -> n > 0);
    platform.kill(Application.SEARCH);
    changes.write(3_000);
    platform.restart(Application.SEARCH);

    platform.kill(Component.ELASTICSEARCH);
    platform.restart(Component.ELASTICSEARCH);

    platform.kill(Application.CASES);
    changes.write(CHANGES - changes.written());
    platform.restart(Application.CASES);

    Map<String, Long> source = changes.source();
    await("the index equal to the source")
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(3))
        .ignoreExceptions()
        .until(() -> changes.indexed().equals(source));
    Map<String, Long> index = changes.indexed();
    assertThat(index).hasSameSizeAs(source);
    assertThat(SyntheticChanges.checksum(index)).isEqualTo(SyntheticChanges.checksum(source));
    assertThat(changes.written()).isEqualTo(CHANGES);
  }
}
