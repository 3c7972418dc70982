package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Platform.Instance;
import org.amicus.local.Applications.Application;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's "Cases ×2": two cases-service processes on one database, the platform's own and a
 * second JVM from {@link Platform#another}, each with its own connection pool, called directly by
 * several clients at once with demo users' tokens, while a follower reads the change feed as
 * search-service does (alternately from both instances).
 *
 * <ol>
 *   <li>Creates, merge-patches and reads of persons and cases through both: each instance reads at
 *       once what the other wrote; afterwards the audit chain verifies on both, with an entry for
 *       every write; the follower saw every change once, in the order a fresh read of the feed
 *       gives (no change committed behind a position it had already passed: feed order is commit
 *       order).
 *   <li>The second instance killed (SIGKILL) mid-writes: every write that was answered 2xx is in
 *       the feed and in the search index (at the version of its last change), every case row either
 *       instance committed has its feed entry and its audit entry (none half-written), and the
 *       audit chain still verifies.
 * </ol>
 *
 * <p>What the assertions depend on: the one PostgreSQL database both instances share, and in it the
 * two transaction-scoped advisory locks (the outbox's, {@code Outbox.LOCK_KEY}, and the audit
 * log's, {@code AuditLog.LOCK_KEY}) that serialise the assignment of feed positions and audit
 * positions with the commit. Without the outbox lock two transactions can commit their feed rows
 * out of {@code seq} order, and the follower skips the one committed behind it (the follower
 * assertion fails); without the audit lock two instances link new audit entries to the same
 * predecessor and verification fails. Those locks are code, not settings, so this test cannot
 * switch them off: removing either (a one-line change in {@code Outbox} or {@code AuditLog}) is how
 * to see it fail. With a database each (no shared store) the second instance's writes are neither
 * in the first's feed nor readable through it: the first assertion, a case read on the other
 * instance, fails at once.
 */
class TwoCasesServicesTest {

  private static final int CLIENTS = 4;
  private static final int ROUNDS = 6;
  private static final List<String> USERS = List.of("anna", "marco", "olena", "anna");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Platform platform = Platform.get();
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private Instance second;

  @AfterEach
  void stopTheSecond() {
    if (second != null && second.process().isAlive()) {
      second.process().stop();
    }
  }

  @Test
  void writesAndReadsOnBothKeepTheAuditChainAndFeedOrderAndAKillLosesNoAnsweredWrite()
      throws Exception {
    second = platform.another(Application.CASES, Map.of());
    List<String> urls = List.of(platform.url(Application.CASES), second.url());
    Api clara = platform.api(Application.CASES, "clara");
    long auditBefore = verified(clara);

    // 1. concurrent writes and reads on both, a follower on the feed
    long start = head();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    Map<Long, String> cases = new ConcurrentHashMap<>();
    Set<Long> persons = ConcurrentHashMap.newKeySet();
    AtomicInteger writes = new AtomicInteger();
    try {
      Future<List<Long>> follower = pool.submit(() -> follow(start, writing, urls));
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        List<Api> apis =
            urls.stream().map(url -> api(url, USERS.get(client))).collect(Collectors.toList());
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < ROUNDS; i++) {
                    // alternate the instance per request, as a load balancer would
                    Api one = apis.get((client + i) % 2);
                    Api other = apis.get((client + i + 1) % 2);
                    long person = id(one.post("/api/persons", person(client, i)), 201);
                    persons.add(person);
                    String title = "Two instances %s %d-%d".formatted(tag, client, i);
                    long caseId = id(other.post("/api/cases", caseOf(title, person)), 201);
                    writes.addAndGet(2);
                    Reply read = one.get("/api/cases/" + caseId);
                    assertThat(read.status()).as("read on the other instance").isEqualTo(200);
                    assertThat(read.json().get("title").asText()).isEqualTo(title);
                    String updated = title + " updated";
                    assertThat(patch(other, caseId, read.header("ETag"), updated).status())
                        .as("merge patch of case " + caseId)
                        .isEqualTo(200);
                    writes.incrementAndGet();
                    cases.put(caseId, updated);
                    assertThat(one.get("/api/cases/" + caseId).json().get("title").asText())
                        .isEqualTo(updated);
                    assertThat(other.get("/api/persons/" + person).status())
                        .as("person " + person + " read on the instance that did not write it")
                        .isEqualTo(200);
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
      writing.set(false);
      List<Long> followed = follower.get();

      List<JsonNode> feed = changes(urls.get(0), start);
      List<Long> fresh = feed.stream().map(c -> c.get("seq").asLong()).toList();
      assertThat(followed).as("the follower missed no change committed behind it").isEqualTo(fresh);
      assertThat(fresh).isSorted().doesNotHaveDuplicates();
      Map<String, Integer> changed = countByRecord(feed);
      assertThat(cases.keySet())
          .allSatisfy(id -> assertThat(changed.get("case:" + id)).as("case " + id).isEqualTo(2));
      assertThat(persons).allSatisfy(id -> assertThat(changed).containsKey("person:" + id));
    } finally {
      pool.shutdownNow();
    }
    for (String url : urls) {
      long entries = verified(api(url, "clara"));
      assertThat(entries - auditBefore)
          .as("an audit entry for every write")
          .isGreaterThanOrEqualTo(writes.get());
    }

    // 2. the second instance killed mid-writes
    long beforeKill = head();
    Map<Long, Boolean> answered = new ConcurrentHashMap<>(); // case -> its update answered too
    AtomicInteger unanswered = new AtomicInteger();
    AtomicBoolean go = new AtomicBoolean(true);
    pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(pool.submit(() -> writeUntilStopped(client, urls, go, answered, unanswered)));
      }
      await("writes answered on both")
          .atMost(Duration.ofMinutes(1))
          .until(() -> answered.size() >= 2 * CLIENTS);
      second.process().kill();
      int atKill = answered.size();
      await("writes answered by the survivor")
          .atMost(Duration.ofMinutes(1))
          .until(() -> answered.size() >= atKill + 2 * CLIENTS);
      go.set(false);
      for (Future<?> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<JsonNode> feed = changes(urls.get(0), beforeKill);
    Map<String, Integer> changed = countByRecord(feed);
    answered.forEach(
        (id, update) ->
            assertThat(changed.getOrDefault("case:" + id, 0))
                .as("answered writes of case %d in the feed", id)
                .isGreaterThanOrEqualTo(update ? 2 : 1));
    assertThat(committedCases())
        .as("every committed case has its feed entry and its audit entry")
        .allSatisfy(
            row -> assertThat(row).extracting(Row::changes, Row::audited).containsOnly(true));
    assertThat(verified(clara)).isPositive();

    Map<String, Long> source = lastChanges(feed);
    assertThat(source.keySet())
        .containsAll(answered.keySet().stream().map(String::valueOf).toList());
    await("the answered writes in the search index")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> indexed(source.keySet()).equals(source));
    assertThat(platform.isRunning(Application.CASES)).isTrue();
  }

  /** Creates and patches cases until told to stop; drops an instance that stopped answering. */
  private Void writeUntilStopped(
      int client,
      List<String> urls,
      AtomicBoolean go,
      Map<Long, Boolean> answered,
      AtomicInteger unanswered) {
    List<Api> apis =
        new ArrayList<>(urls.stream().map(url -> api(url, USERS.get(client))).toList());
    for (int i = 0; go.get(); i++) {
      Api api = apis.get(i % apis.size());
      long id = -1;
      try {
        String title = "Kill %s %d-%d".formatted(tag, client, i);
        Reply created = api.post("/api/cases", caseOf(title, null));
        if (created.status() != 201) {
          unanswered.incrementAndGet();
          continue;
        }
        id = created.json().get("id").asLong();
        answered.put(id, false);
        Reply read = api.get("/api/cases/" + id);
        if (patch(api, id, read.header("ETag"), title + " updated").status() == 200) {
          answered.put(id, true);
        }
      } catch (RuntimeException gone) {
        // the killed instance: its connection broke or is refused; the answer is unknown
        unanswered.incrementAndGet();
        if (apis.size() > 1) {
          apis.remove(api);
        }
      }
    }
    return null;
  }

  private static Map<String, Object> person(int client, int round) {
    // synthetic, no real person's name
    return Records.person(
        "Subject " + client + "-" + round, List.of(), "JOURNALIST", "P-" + client + "-" + round);
  }

  private static Map<String, Object> caseOf(String title, Long person) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("country", "KZ");
    body.put("year", 2024);
    body.put("status", "OPEN");
    body.put("riskLevel", "LOW");
    body.put("visibility", "COALITION");
    if (person != null) {
      body.put("personIds", List.of(person));
    }
    return body;
  }

  private static Reply patch(Api api, long caseId, String etag, String title) {
    return api.send(
        api.request("/api/cases/" + caseId)
            .header("If-Match", etag)
            .header("Content-Type", "application/merge-patch+json")
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofString("{\"title\": \"%s\"}".formatted(title))));
  }

  /** The id of a created record; no body in the message, a person's name may be in it. */
  private static long id(Reply reply, int status) {
    assertThat(reply.status()).as("status of %s", reply.response().uri()).isEqualTo(status);
    return reply.json().get("id").asLong();
  }

  private Api api(String url, String user) {
    return new Api(url, () -> platform.token(user));
  }

  /** The audit chain verified through an instance: intact; answers its number of entries. */
  private static long verified(Api coordinator) {
    Reply verified = coordinator.get("/api/cases/audit/verify");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("intact").asBoolean()).as(verified.toString()).isTrue();
    return verified.json().get("entries").asLong();
  }

  /** Follows the feed as search-service does, until the writers are done and it is caught up. */
  private List<Long> follow(long start, AtomicBoolean writing, List<String> urls) throws Exception {
    List<Long> seen = new ArrayList<>();
    long after = start;
    for (int poll = 0; ; poll++) {
      boolean last = !writing.get();
      JsonNode page = page(urls.get(poll % 2), after, 50);
      for (JsonNode change : page.get("changes")) {
        seen.add(change.get("seq").asLong());
      }
      after = page.get("next").asLong();
      if (last && page.get("changes").isEmpty()) {
        return seen;
      }
    }
  }

  /** Every change after {@code after}, read afresh. */
  private List<JsonNode> changes(String url, long after) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long from = after;
    while (true) {
      JsonNode page = page(url, from, 500);
      page.get("changes").forEach(all::add);
      from = page.get("next").asLong();
      if (!page.get("more").asBoolean()) {
        return all;
      }
    }
  }

  private JsonNode page(String url, long after, int limit) throws Exception {
    return Api.JSON.readTree(internal(url, "/internal/changes?after=" + after + "&limit=" + limit));
  }

  private long head() throws Exception {
    return Long.parseLong(
        internal(platform.url(Application.CASES), "/internal/changes/head").trim());
  }

  /** The feed as search-service reads it: with the search-indexer service account's token. */
  private String internal(String url, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header(
                    "Authorization",
                    "Bearer " + Tokens.serviceToken(platform.keycloak(), "search-indexer"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("feed at " + path).isEqualTo(200);
    return response.body();
  }

  private static Map<String, Integer> countByRecord(List<JsonNode> feed) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode change : feed) {
      counts.merge(change.get("type").asText() + ":" + change.get("id").asText(), 1, Integer::sum);
    }
    return counts;
  }

  /** Each case's last change in the feed, if it is an upsert: its seq, the index's version. */
  private static Map<String, Long> lastChanges(List<JsonNode> feed) {
    Map<String, Long> last = new TreeMap<>();
    for (JsonNode change : feed) {
      if ("case".equals(change.get("type").asText())) {
        String id = change.get("id").asText();
        if ("DELETE".equals(change.get("operation").asText())) {
          last.remove(id);
        } else {
          last.put(id, change.get("seq").asLong());
        }
      }
    }
    return last;
  }

  /** What the search index holds of these cases: id and version. */
  private Map<String, Long> indexed(Set<String> ids) throws Exception {
    return IndexedRecords.cases(
        platform, "{\"terms\": {\"id\": %s}}".formatted(Api.JSON.writeValueAsString(ids)));
  }

  /** A case row this test committed, whether its answer arrived or not. */
  record Row(long id, boolean changes, boolean audited) {}

  private List<Row> committedCases() throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection db = platform.connect(Application.CASES);
        PreparedStatement select =
            db.prepareStatement(
                """
                select c.id,
                  exists (select 1 from change_outbox o
                          where o.record_type = 'case' and o.record_id = c.id::text) as changes,
                  exists (select 1 from audit_log a where a.record_type = 'case'
                          and a.record_id = c.id::text and a.action = 'create') as audited
                from case_file c where c.title like ?
                """)) {
      select.setString(1, "Kill " + tag + " %");
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong("id"), rs.getBoolean("changes"), rs.getBoolean("audited")));
        }
      }
    }
    assertThat(rows).as("cases written in the kill phase").isNotEmpty();
    return rows;
  }
}
