package org.amicus.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.amicus.search.TestElasticsearch;
import org.amicus.testkit.RealDependencies;
import org.junit.jupiter.api.Test;

/**
 * The poller reads and projects the next batch while it writes one: the index still ends equal to
 * the source, and a batch read ahead never lands after the checkpoint moved elsewhere.
 */
class SourcePollerTest {

  private static final int BATCH = 100;

  @Test
  void readingAheadTheIndexEndsEqualToTheSourceWithTheNewestChangeOfEachRecord()
      throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (FeedStandIn feed = new FeedStandIn(RealDependencies.keycloak().issuer());
        TestElasticsearch es = new TestElasticsearch()) {
      for (int i = 0; i < 1_000; i++) {
        String id = "c" + random.nextInt(150);
        if (random.nextInt(6) == 0) {
          feed.delete("case", id);
        } else {
          feed.upsert("case", id, caseRecord("Case " + id + " version " + i));
        }
      }
      SourcePoller poller = poller(feed, es);

      long steps = 0;
      while (poller.status().checkpoint() < 1_000) {
        assertThat(poller.step()).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(poller.status().lastError()).as("seed %d", seed).isNull();
        steps++;
      }

      es.index.refresh(es.index.alias());
      assertThat(steps).as("one step per batch").isEqualTo(1_000 / BATCH);
      assertThat(titles(es)).as("seed %d", seed).isEqualTo(feed.state());
      assertThat(poller.status().lag()).isZero();
    }
  }

  @Test
  void aBatchReadAheadIsDroppedWhenARebuildMovedTheCheckpoint() throws IOException {
    try (FeedStandIn feed = new FeedStandIn(RealDependencies.keycloak().issuer());
        TestElasticsearch es = new TestElasticsearch()) {
      for (int i = 1; i <= 3 * BATCH; i++) {
        feed.upsert("case", "c" + i, caseRecord("Case " + i));
      }
      SourcePoller poller = poller(feed, es);
      poller.step(); // writes 1-100 and reads 101-200 ahead

      // a rebuild wrote 101-250 into its new generation and moved the checkpoint past them
      poller.advanceTo(250);
      poller.step();

      es.index.refresh(es.index.alias());
      assertThat(poller.status().checkpoint()).isEqualTo(300);
      assertThat(titles(es))
          .as("what the rebuild took over is not written again from the stale read")
          .containsKeys("case:c1", "case:c100", "case:c251", "case:c300")
          .doesNotContainKeys("case:c101", "case:c200", "case:c250")
          .hasSize(150);
    }
  }

  private static SourcePoller poller(FeedStandIn feed, TestElasticsearch es) {
    return TestPipeline.of("cases", feed, es, BATCH).poller();
  }

  private static Map<String, Object> caseRecord(String title) {
    return TestElasticsearch.doc(
        "title",
        title,
        "ownerOrg",
        "odf",
        "visibility",
        "COALITION",
        "readers",
        TestElasticsearch.readers("odf", "COALITION"));
  }

  /** Key to title of every document in the index. */
  private static Map<String, String> titles(TestElasticsearch es) throws IOException {
    Map<String, String> titles = new TreeMap<>();
    for (Hit<ObjectNode> hit :
        es.client
            .search(s -> s.index(es.index.alias()).size(10_000), ObjectNode.class)
            .hits()
            .hits()) {
      titles.put(hit.id(), hit.source().path("title").asText());
    }
    return titles;
  }
}
