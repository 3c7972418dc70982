package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amicus.local.Applications.Application;
import org.amicus.runtime.Component;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's ingest fault: search-service, then Elasticsearch, then cases-service killed with
 * SIGKILL while 10,000 changes flow from cases-service's change feed into the index. Once all run
 * again, the index holds exactly what the source says: the same records, each at the version (seq)
 * of its last change, and none of the deleted ones.
 *
 * <p>The changes are written straight into cases-service's outbox, as its own writers do (same
 * table, same advisory lock): 10,000 changes through the API would take this machine longer than
 * the whole build may.
 */
class IngestFaultsTest {

  private static final int CHANGES = 10_000;
  private static final int RECORDS = 3_000;
  private static final long OUTBOX_LOCK = 0x414D494355534F42L;
  private static final String PREFIX = "fault-";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Platform platform = Platform.get();
  private int written;

  @Test
  void afterKillsOfSearchElasticsearchAndCasesTheIndexEqualsTheSource() throws Exception {
    assumeTrue(platform.ownsDependencies(), "runs only with dependencies of its own");

    write(4_000);
    await("the ingest under way")
        .atMost(Duration.ofMinutes(3))
        .ignoreExceptions()
        .until(() -> indexed().size(), n -> n > 0);
    platform.kill(Application.SEARCH);
    write(3_000);
    platform.restart(Application.SEARCH);

    platform.kill(Component.ELASTICSEARCH);
    platform.restart(Component.ELASTICSEARCH);

    platform.kill(Application.CASES);
    write(CHANGES - written);
    platform.restart(Application.CASES);

    Map<String, Long> source = source();
    await("the index equal to the source")
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(3))
        .ignoreExceptions()
        .until(() -> indexed().equals(source));
    Map<String, Long> index = indexed();
    assertThat(index).hasSameSizeAs(source);
    assertThat(checksum(index)).isEqualTo(checksum(source));
    assertThat(written).isEqualTo(CHANGES);
  }

  /**
   * The next {@code count} changes: upserts of {@link #RECORDS} case records in turn, every seventh
   * a delete.
   */
  private void write(int count) throws SQLException {
    try (Connection db = platform.connect(Application.CASES)) {
      db.setAutoCommit(false);
      try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(?)")) {
        lock.setLong(1, OUTBOX_LOCK);
        lock.execute();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into change_outbox (record_type, record_id, operation, document)"
                  + " values ('case', ?, ?, cast(? as jsonb))")) {
        for (int i = 0; i < count; i++, written++) {
          String id = PREFIX + (written % RECORDS);
          boolean delete = written % 7 == 6;
          insert.setString(1, id);
          insert.setString(2, delete ? "DELETE" : "UPSERT");
          insert.setString(
              3,
              delete
                  ? null
                  : Api.JSON.writeValueAsString(
                      Map.of(
                          "id",
                          id,
                          "ownerOrg",
                          "odf",
                          "visibility",
                          "COALITION",
                          "readers",
                          List.of("partner@*", "coordinator@*"),
                          "title",
                          "Synthetic case " + written,
                          "country",
                          "KZ",
                          "year",
                          2020,
                          "status",
                          "OPEN")));
          insert.addBatch();
        }
        insert.executeBatch();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      db.commit();
    }
  }

  /** What the feed says now: each record's last change, if it is an upsert, by its seq. */
  private Map<String, Long> source() throws SQLException {
    Map<String, Long> records = new TreeMap<>();
    try (Connection db = platform.connect(Application.CASES);
        PreparedStatement last =
            db.prepareStatement(
                "select distinct on (record_id) record_id, seq, operation from change_outbox"
                    + " where record_type = 'case' and record_id like ?"
                    + " order by record_id, seq desc")) {
      last.setString(1, PREFIX + "%");
      try (ResultSet rs = last.executeQuery()) {
        while (rs.next()) {
          if (rs.getString("operation").equals("UPSERT")) {
            records.put(rs.getString("record_id"), rs.getLong("seq"));
          }
        }
      }
    }
    return records;
  }

  /** What the index holds of the synthetic records: id and version. */
  private Map<String, Long> indexed() throws Exception {
    String query =
        """
        {"size": 10000, "track_total_hits": true, "version": true, "_source": ["id"],
         "query": {"bool": {"filter": [{"term": {"type": "case"}}, {"prefix": {"id": "%s"}}]}}}
        """
            .formatted(PREFIX);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        platform.elasticsearch().url()
                            + "/"
                            + platform.runId()
                            + "-search/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Elasticsearch answered " + response.statusCode());
    }
    Map<String, Long> records = new TreeMap<>();
    for (JsonNode hit : Api.JSON.readTree(response.body()).path("hits").path("hits")) {
      records.put(hit.path("_source").path("id").asText(), hit.path("_version").asLong());
    }
    return records;
  }

  private static String checksum(Map<String, Long> records) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    records.forEach(
        (id, version) -> sha.update((id + ":" + version + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(sha.digest());
  }
}
