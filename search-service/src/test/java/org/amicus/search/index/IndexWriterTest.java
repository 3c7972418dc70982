package org.amicus.search.index;

import static org.amicus.search.TestElasticsearch.delete;
import static org.amicus.search.TestElasticsearch.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** Changes applied twice, or in any order, leave the index equal to the source. */
class IndexWriterTest {

  @Test
  void replayedAndReorderedChangesLeaveTheIndexEqualToTheSource() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (TestElasticsearch es = new TestElasticsearch()) {
      List<Change> feed = new ArrayList<>();
      Map<String, String> source = new TreeMap<>(); // key -> title, the source's final state
      for (long seq = 1; seq <= 300; seq++) {
        String id = "c" + random.nextInt(40);
        if (random.nextInt(5) == 0) {
          feed.add(delete(seq, "case", id));
          source.remove("case:" + id);
        } else {
          String title = "Title " + id + " version " + seq;
          feed.add(
              upsert(
                  seq,
                  "case",
                  id,
                  Map.of(
                      "title",
                      title,
                      "ownerOrg",
                      "odf",
                      "visibility",
                      "COALITION",
                      "readers",
                      TestElasticsearch.readers("odf", "COALITION"))));
          source.put("case:" + id, title);
        }
      }

      es.apply("cases", feed);
      List<Change> shuffled = new ArrayList<>(feed);
      Collections.shuffle(shuffled, random);
      for (int from = 0; from < shuffled.size(); from += 50) {
        es.apply("cases", shuffled.subList(from, Math.min(shuffled.size(), from + 50)));
      }
      es.apply("cases", feed.subList(100, 200));

      assertThat(indexed(es)).as("seed %d", seed).isEqualTo(source);
    }
  }

  @Test
  void reorderedFromTheStartTheNewestChangeStillWins() throws IOException {
    try (TestElasticsearch es = new TestElasticsearch()) {
      Change created =
          upsert(
              1,
              "case",
              "c1",
              Map.of(
                  "title",
                  "first",
                  "ownerOrg",
                  "odf",
                  "visibility",
                  "PUBLIC",
                  "readers",
                  TestElasticsearch.readers("odf", "PUBLIC")));
      Change edited =
          upsert(
              2,
              "case",
              "c1",
              Map.of(
                  "title",
                  "second",
                  "ownerOrg",
                  "odf",
                  "visibility",
                  "PUBLIC",
                  "readers",
                  TestElasticsearch.readers("odf", "PUBLIC")));
      Change deleted = delete(3, "case", "c1");
      Change other =
          upsert(
              4,
              "case",
              "c2",
              Map.of(
                  "title",
                  "kept",
                  "ownerOrg",
                  "odf",
                  "visibility",
                  "PUBLIC",
                  "readers",
                  TestElasticsearch.readers("odf", "PUBLIC")));

      es.apply("cases", List.of(deleted, edited, other, created));
      es.apply("cases", List.of(edited, created));

      assertThat(indexed(es)).isEqualTo(Map.of("case:c2", "kept"));
    }
  }

  @Test
  void poisonRecordsAreRejectedOneByOneAndTheRestIsIndexed() throws IOException {
    try (TestElasticsearch es = new TestElasticsearch()) {
      Change fine =
          upsert(
              1,
              "case",
              "ok",
              Map.of(
                  "title",
                  "fine",
                  "ownerOrg",
                  "odf",
                  "visibility",
                  "PUBLIC",
                  "readers",
                  TestElasticsearch.readers("odf", "PUBLIC")));
      Change badYear =
          upsert(
              2,
              "case",
              "bad-year",
              Map.of(
                  "title",
                  "Semenova",
                  "year",
                  "twenty",
                  "ownerOrg",
                  "odf",
                  "visibility",
                  "PUBLIC",
                  "readers",
                  TestElasticsearch.readers("odf", "PUBLIC")));
      Change noAcl = upsert(3, "case", "no-acl", Map.of("title", "whose is this?"));
      Change adminGrant =
          upsert(
              4,
              "person",
              "p",
              Map.of("name", "X", "ownerOrg", "odf", "readers", List.of("admin@odf")));

      List<IndexWriter.Rejected> rejected =
          es.apply("cases", List.of(fine, badYear, noAcl, adminGrant));

      assertThat(rejected)
          .extracting(r -> r.change().id())
          .containsExactlyInAnyOrder("bad-year", "no-acl", "p");
      assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).doesNotContain("twenty"));
      assertThat(indexed(es)).isEqualTo(Map.of("case:ok", "fine"));
    }
  }

  @Test
  void aLargeBatchProjectedOnSeveralThreadsKeepsTheFeedsOrderAndItsPoisonRecords()
      throws IOException {
    try (TestElasticsearch es = new TestElasticsearch()) {
      List<Change> feed = new ArrayList<>();
      List<Long> poison = new ArrayList<>();
      Map<String, String> source = new TreeMap<>();
      for (long seq = 1; seq <= 400; seq++) {
        String readers = seq % 7 == 0 ? "nobody" : "partner@*";
        if (seq % 7 == 0) {
          poison.add(seq);
        }
        if (seq % 5 == 0) {
          String name = (seq % 2 == 0 ? "Мухтар Джакишев " : "Oksana Shevchuk ") + seq;
          feed.add(
              upsert(
                  seq,
                  "person",
                  "p" + seq,
                  Map.of("names", List.of(name), "ownerOrg", "odf", "readers", List.of(readers))));
          if (seq % 7 != 0) {
            source.put("person:p" + seq, name);
          }
        } else {
          String title = "Case " + seq;
          feed.add(
              upsert(
                  seq,
                  "case",
                  "c" + seq,
                  Map.of("title", title, "ownerOrg", "odf", "readers", List.of(readers))));
          if (seq % 7 != 0) {
            source.put("case:c" + seq, title);
          }
        }
      }

      IndexWriter.Prepared prepared = es.writer.prepare("cases", feed);
      List<IndexWriter.Rejected> rejected = es.writer.write(es.index.alias(), prepared, false);
      es.index.refresh(es.index.alias());

      assertThat(prepared.documents())
          .extracting(IndexWriter.Projected::change)
          .containsExactlyElementsOf(feed);
      assertThat(rejected).extracting(r -> r.change().seq()).containsExactlyElementsOf(poison);
      assertThat(indexed(es)).isEqualTo(source);
      assertThat(es.client.count(c -> c.index(SearchIndex.namesOf(es.index.alias()))).count())
          .as("every valid person in the names index too")
          .isEqualTo(source.keySet().stream().filter(k -> k.startsWith("person:")).count());
    }
  }

  private static Map<String, String> indexed(TestElasticsearch es) throws IOException {
    Map<String, String> indexed = new TreeMap<>();
    List<Hit<ObjectNode>> hits =
        es.client.search(s -> s.index(es.index.alias()).size(1000), ObjectNode.class).hits().hits();
    for (Hit<ObjectNode> hit : hits) {
      indexed.put(hit.id(), hit.source().path("title").asText());
    }
    return indexed;
  }
}
