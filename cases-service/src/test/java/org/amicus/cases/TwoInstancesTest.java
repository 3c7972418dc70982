package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two cases-service instances on one database: the shared test context and a second application
 * context started beside it, each with its own web server and connection pool. Clients write and
 * read through both at once over HTTP with real tokens, while a reader follows the change feed as
 * search-service does; afterwards the audit chain verifies and the follower saw every change, once,
 * in the order a fresh read of the feed gives: no row committed behind a position it had passed.
 */
class TwoInstancesTest extends CasesIntegrationTest {

  private static final int CLIENTS = 6;
  private static final int CASES_EACH = 10;

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private ConfigurableApplicationContext second;

  @AfterEach
  void stopSecond() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void writesAndReadsOnBothKeepTheAuditChainAndTheFeedInCommitOrder() throws Exception {
    second = startSecond();
    int secondPort = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
    List<Integer> ports = List.of(port, secondPort);
    long start = head();

    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    Set<Long> created = ConcurrentHashMap.newKeySet();
    try {
      Future<List<Long>> follower = pool.submit(() -> follow(start, writing));
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < CASES_EACH; i++) {
                    // alternate the instance per request, as a load balancer would
                    int writeOn = ports.get((client + i) % 2);
                    int readOn = ports.get((client + i + 1) % 2);
                    HttpResponse<String> saved =
                        call(
                            writeOn,
                            "POST",
                            "/api/cases",
                            """
                            {"title": "Both instances %d-%d", "country": "KZ", "status": "OPEN",
                             "riskLevel": "LOW", "visibility": "COALITION"}
                            """
                                .formatted(client, i));
                    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
                    long id = json.readTree(saved.body()).get("id").asLong();
                    created.add(id);
                    // the other instance reads what this one wrote at once: one database
                    HttpResponse<String> read = call(readOn, "GET", "/api/cases/" + id, null);
                    assertThat(read.statusCode()).isEqualTo(200);
                    assertThat(json.readTree(read.body()).get("title").asText())
                        .isEqualTo("Both instances " + client + "-" + i);
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
      writing.set(false);
      List<Long> followed = follower.get();

      List<JsonNode> feed = changes(start, Integer.MAX_VALUE);
      List<Long> fresh = feed.stream().map(c -> c.get("seq").asLong()).toList();
      assertThat(followed).as("the follower missed no change committed behind it").isEqualTo(fresh);
      assertThat(fresh).isSorted().doesNotHaveDuplicates();
      Map<Long, Integer> upserts = new HashMap<>();
      for (JsonNode change : feed) {
        if ("case".equals(change.get("type").asText())) {
          upserts.merge(change.get("id").asLong(), 1, Integer::sum);
        }
      }
      assertThat(upserts.keySet()).containsAll(created);
      assertThat(created).allSatisfy(id -> assertThat(upserts.get(id)).isEqualTo(1));
    } finally {
      pool.shutdownNow();
    }
    for (int instance : ports) {
      HttpResponse<String> verified = call(instance, CLARA, "GET", "/api/cases/audit/verify", null);
      assertThat(verified.statusCode()).isEqualTo(200);
      assertThat(json.readTree(verified.body()).get("intact").asBoolean())
          .as(verified.body())
          .isTrue();
    }
  }

  /** Follows the feed as search-service does, until the writers are done and it is caught up. */
  private List<Long> follow(long start, AtomicBoolean writing) throws Exception {
    List<Long> seen = new ArrayList<>();
    long after = start;
    while (true) {
      boolean last = !writing.get();
      List<JsonNode> page = changes(after, 50);
      for (JsonNode change : page) {
        seen.add(change.get("seq").asLong());
        after = change.get("seq").asLong();
      }
      if (last && page.isEmpty()) {
        return seen;
      }
    }
  }

  private List<JsonNode> changes(long after, int max) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    long from = after;
    while (all.size() < max) {
      HttpResponse<String> page =
          call(port, INDEXER, "GET", "/internal/changes?after=" + from + "&limit=50", null);
      assertThat(page.statusCode()).isEqualTo(200);
      JsonNode batch = json.readTree(page.body());
      batch.get("changes").forEach(all::add);
      from = batch.get("next").asLong();
      if (!batch.get("more").asBoolean() || max <= 50) {
        break;
      }
    }
    return all;
  }

  private long head() throws Exception {
    return Long.parseLong(call(port, INDEXER, "GET", "/internal/changes/head", null).body().trim());
  }

  private HttpResponse<String> call(int instance, String method, String path, String body)
      throws Exception {
    return call(instance, ANNA, method, path, body);
  }

  private HttpResponse<String> call(
      int instance, String user, String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance + path))
            .header("Authorization", "Bearer " + token(user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The second instance, configured as the shared test context is (same database and keys). */
  private static ConfigurableApplicationContext startSecond() {
    Map<String, String> settings = new HashMap<>();
    settings.putAll(SpringProperties.of(RealDependencies.postgres(), "cases"));
    settings.putAll(SpringProperties.of(RealDependencies.keycloak()));
    settings.put("amicus.encryption.key", TEST_KEY);
    settings.put("amicus.encryption.previous-keys", PREVIOUS_TEST_KEY);
    settings.put("server.port", "0");
    // as command-line arguments, which outrank application.yml
    String[] arguments =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CasesApplication.class).run(arguments);
  }
}
