package org.amicus.search.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.search.TestElasticsearch;
import org.amicus.search.index.SearchIndex;
import org.amicus.search.index.SearchIndexProperties;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * search-service as it runs: real Elasticsearch, real Keycloak tokens (users and the search-indexer
 * service account), and two stand-ins serving the change-feed contract of cases-service and
 * workflow-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestTest {

  static FeedStandIn cases;
  static FeedStandIn workflow;

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) throws IOException {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    cases = new FeedStandIn(keycloak.issuer());
    workflow = new FeedStandIn(keycloak.issuer());
    String alias =
        "ingest-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    registry.add("spring.elasticsearch.uris", () -> RealDependencies.elasticsearch().url());
    SpringProperties.of(keycloak).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.search.index.alias", () -> alias);
    registry.add("amicus.search.index.state-index", () -> alias + "-state");
    registry.add("amicus.search.index.dead-letter-index", () -> alias + "-dead-letters");
    registry.add("amicus.search.ingest.sources.cases", () -> cases.url().toString());
    registry.add("amicus.search.ingest.sources.workflow", () -> workflow.url().toString());
    registry.add(
        "amicus.search.ingest.token-uri",
        () -> keycloak.issuer() + "/protocol/openid-connect/token");
    registry.add(
        "amicus.search.ingest.client-secret", () -> keycloak.clientSecret("search-indexer"));
    registry.add("amicus.search.ingest.poll-interval", () -> "100ms");
    registry.add("amicus.search.ingest.max-backoff", () -> "1s");
  }

  @AfterAll
  static void stopStandIns() {
    cases.close();
    workflow.close();
  }

  @AfterAll
  static void deleteIndices(
      @Autowired Ingest ingest,
      @Autowired ElasticsearchClient elasticsearch,
      @Autowired SearchIndexProperties properties)
      throws IOException {
    ingest.stop(); // or a poll after this would create the index again
    TestElasticsearch.deleteIndices(elasticsearch, properties);
  }

  @LocalServerPort int port;
  @Autowired RestClient.Builder restClient;
  @Autowired ElasticsearchClient elasticsearch;
  @Autowired SearchIndex index;
  @Autowired MeterRegistry meters;
  @Autowired ObjectMapper json;

  static Map<String, Object> caseRecord(String title, String owner, String visibility) {
    return Map.of(
        "title",
        title,
        "ownerOrg",
        owner,
        "visibility",
        visibility,
        "readers",
        TestElasticsearch.readers(owner, visibility),
        "country",
        "KZ");
  }

  /**
   * The two-second target itself is measured by the platform benchmark (save to searchable, p50 and
   * p95 through the gateway), not timed here, where a loaded build machine would make it flaky.
   */
  @Test
  void aRecordSavedInASourceIsFoundBySearchAndOnlyByThoseAllowedToSeeIt() throws IOException {
    String anna = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    cases.upsert("case", "fresh-1", caseRecord("Detention " + word, "odf", "ORGANISATION"));
    workflow.upsert(
        "submission",
        "s-1",
        Map.of(
            "title",
            "Joint submission " + word,
            "ownerOrg",
            "odf",
            "visibility",
            "COALITION",
            "coSigners",
            List.of("fidu"),
            "readers",
            List.of(
                "partner@odf",
                "coordinator@odf",
                "partner@fidu",
                "coordinator@fidu",
                "coordinator@*")));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> total(get("/api/search?q=" + word, anna)) == 2);
    // marco belongs to fidu: the ORGANISATION case of odf stays hidden, the submission that fidu
    // co-signs shows (a partner of any other organisation would not find it)
    String marco = Tokens.accessToken(RealDependencies.keycloak(), "marco");
    assertThat(total(get("/api/search?q=" + word, marco))).isEqualTo(1);
    String olena = Tokens.accessToken(RealDependencies.keycloak(), "olena");
    assertThat(total(get("/api/search?q=" + word, olena))).isZero();
  }

  @Test
  void afterASourceOutageIngestCatchesUpAndTheIndexEqualsTheSources() throws IOException {
    String adam = Tokens.accessToken(RealDependencies.keycloak(), "adam");
    awaitIndexEqualsSources();
    cases.down();
    for (int i = 0; i < 30; i++) {
      cases.upsert("case", "outage-" + i, caseRecord("During outage " + i, "kisr", "COALITION"));
    }
    cases.delete("case", "outage-3");
    int before = cases.requests();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                json
                    .readTree(get("/api/search/admin/ingest", adam).getBody())
                    .findValues("lastError")
                    .stream()
                    .anyMatch(e -> e.asText().contains("Unavailable")));
    assertThat(cases.requests() - before).as("backs off instead of hammering").isLessThan(40);

    cases.up();

    awaitIndexEqualsSources();
    assertThat(indexed()).containsKey("case:outage-29").doesNotContainKey("case:outage-3");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                meters.get("amicus.search.ingest.lag").tag("source", "cases").gauge().value() == 0);
  }

  @Test
  void aPoisonChangeWaitsAsADeadLetterUntilAnAdminRetriesIt() throws IOException {
    String adam = Tokens.accessToken(RealDependencies.keycloak(), "adam");
    String anna = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    long poison =
        cases.upsert(
            "case",
            "poison-1",
            Map.of(
                "title",
                "Bad year",
                "year",
                "nineteen",
                "ownerOrg",
                "odf",
                "visibility",
                "PUBLIC",
                "readers",
                TestElasticsearch.readers("odf", "PUBLIC")));
    cases.upsert("case", "after-poison", caseRecord("Indexed past the poison", "odf", "PUBLIC"));

    await().atMost(Duration.ofSeconds(10)).until(() -> indexed().containsKey("case:after-poison"));
    String id = "cases:" + poison;
    // the dead letter is written right after the batch; wait for it rather than race it
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                find(
                        json.readTree(get("/api/search/admin/dead-letters", adam).getBody())
                            .path("deadLetters"),
                        id)
                    != null);
    JsonNode letters = json.readTree(get("/api/search/admin/dead-letters", adam).getBody());
    JsonNode letter = find(letters.path("deadLetters"), id);
    assertThat(letter).isNotNull();
    assertThat(letter.path("recordId").asText()).isEqualTo("poison-1");
    assertThat(letter.toString()).doesNotContain("Bad year").doesNotContain("nineteen");
    assertThat(get("/api/search/admin/dead-letters", anna).getStatusCode().value()).isEqualTo(403);

    JsonNode stillFailing =
        json.readTree(post("/api/search/admin/dead-letters/" + id + "/retry", adam).getBody());
    assertThat(stillFailing.path("indexed").asBoolean()).isFalse();
    assertThat(stillFailing.path("deadLetter").path("attempts").asInt()).isEqualTo(2);

    cases.repair(
        poison,
        Map.of(
            "title",
            "Bad year",
            "year",
            2019,
            "ownerOrg",
            "odf",
            "visibility",
            "PUBLIC",
            "readers",
            TestElasticsearch.readers("odf", "PUBLIC")));
    JsonNode fixed =
        json.readTree(post("/api/search/admin/dead-letters/" + id + "/retry", adam).getBody());

    assertThat(fixed.path("indexed").asBoolean()).isTrue();
    assertThat(indexed()).containsKey("case:poison-1");
    assertThat(
            find(
                json.readTree(get("/api/search/admin/dead-letters", adam).getBody())
                    .path("deadLetters"),
                id))
        .isNull();
    assertThat(
            post("/api/search/admin/dead-letters/cases:999999/retry", adam).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aDeadLetterSupersededByANewerChangeIsResolvedByItsRetry() throws IOException {
    String adam = Tokens.accessToken(RealDependencies.keycloak(), "adam");
    long poison =
        cases.upsert(
            "case",
            "poison-2",
            Map.of(
                "title",
                "Bad",
                "year",
                "soon",
                "ownerOrg",
                "odf",
                "visibility",
                "PUBLIC",
                "readers",
                TestElasticsearch.readers("odf", "PUBLIC")));
    cases.upsert(
        "case",
        "poison-2",
        Map.of(
            "title",
            "Corrected",
            "year",
            2020,
            "ownerOrg",
            "odf",
            "visibility",
            "PUBLIC",
            "readers",
            TestElasticsearch.readers("odf", "PUBLIC")));
    String id = "cases:" + poison;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "Corrected".equals(indexed().get("case:poison-2"))
                    && find(
                            json.readTree(get("/api/search/admin/dead-letters", adam).getBody())
                                .path("deadLetters"),
                            id)
                        != null);

    JsonNode retried =
        json.readTree(post("/api/search/admin/dead-letters/" + id + "/retry", adam).getBody());

    assertThat(retried.path("indexed").asBoolean()).isTrue();
    assertThat(indexed()).containsEntry("case:poison-2", "Corrected");
  }

  @Test
  void aRebuildSwapsTheAliasWhileQueriesKeepAnswering() throws IOException {
    String adam = Tokens.accessToken(RealDependencies.keycloak(), "adam");
    String clara = Tokens.accessToken(RealDependencies.keycloak(), "clara");
    for (int i = 0; i < 1500; i++) {
      cases.upsert("case", "bulk-" + i, caseRecord("Rebuild record " + i, "fidu", "COALITION"));
    }
    awaitIndexEqualsSources();
    String before = index.current().orElseThrow();

    ResponseEntity<String> started = post("/api/search/admin/reindex", adam);
    assertThat(started.getStatusCode().value()).isEqualTo(202);
    Set<String> phases = new HashSet<>();
    JsonNode progress;
    do {
      ResponseEntity<String> answer = get("/api/search?q=rebuild&size=1", clara);
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(total(answer)).isGreaterThanOrEqualTo(1500);
      progress = json.readTree(get("/api/search/admin/reindex", adam).getBody());
      phases.add(progress.path("phase").asText());
    } while ("RUNNING".equals(progress.path("state").asText()));

    assertThat(progress.path("state").asText()).isEqualTo("DONE");
    assertThat(progress.path("done").asLong()).isEqualTo(progress.path("total").asLong());
    assertThat(progress.path("documents").asLong()).isGreaterThanOrEqualTo(1500);
    assertThat(progress.has("rate")).isTrue();
    assertThat(index.current()).isPresent().get().isNotEqualTo(before);
    awaitIndexEqualsSources();
    assertThat(post("/api/search/admin/reindex", clara).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void onlyPartnersAndCoordinatorsSearchAndBadInputIsNamed() throws IOException {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    assertThat(get("/api/search?q=x", null).getStatusCode().value()).isEqualTo(401);
    assertThat(get("/api/search?q=x", Tokens.accessToken(keycloak, "adam")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            get("/api/search?q=x", Tokens.serviceToken(keycloak, "search-indexer"))
                .getStatusCode()
                .value())
        .isEqualTo(403);

    ResponseEntity<String> bad =
        get(
            "/api/search?size=0&sort=random&type=alien&searchAfter=nonsense",
            Tokens.accessToken(keycloak, "anna"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(json.readTree(bad.getBody()).findValuesAsText("field"))
        .contains("size", "sort", "type", "searchAfter");
    ResponseEntity<String> noPrefix =
        get("/api/search/suggest?prefix=", Tokens.accessToken(keycloak, "anna"));
    assertThat(noPrefix.getStatusCode().value()).isEqualTo(400);
    assertThat(noPrefix.getBody()).contains("prefix");
  }

  private void awaitIndexEqualsSources() {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Map<String, String> expected = new TreeMap<>(cases.state());
              expected.putAll(workflow.state());
              assertThat(indexed()).isEqualTo(expected);
            });
  }

  private Map<String, String> indexed() throws IOException {
    Map<String, String> indexed = new TreeMap<>();
    index.refresh(index.alias());
    elasticsearch
        .search(s -> s.index(index.alias()).size(10_000), ObjectNode.class)
        .hits()
        .hits()
        .forEach(h -> indexed.put(h.id(), h.source().path("title").asText()));
    return indexed;
  }

  private static JsonNode find(JsonNode letters, String id) {
    for (JsonNode letter : letters) {
      if (id.equals(letter.path("id").asText())) {
        return letter;
      }
    }
    return null;
  }

  private long total(ResponseEntity<String> response) throws IOException {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody()).path("total").asLong();
  }

  private ResponseEntity<String> get(String path, String token) {
    return exchange(HttpMethod.GET, path, token);
  }

  private ResponseEntity<String> post(String path, String token) {
    return exchange(HttpMethod.POST, path, token);
  }

  private ResponseEntity<String> exchange(HttpMethod method, String path, String token) {
    return restClient
        .baseUrl("http://127.0.0.1:" + port)
        .build()
        .method(method)
        .uri(path)
        .headers(
            h -> {
              if (token != null) {
                h.setBearerAuth(token);
              }
            })
        .exchange(
            (request, response) ->
                ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .body(new String(response.getBody().readAllBytes())));
  }
}
