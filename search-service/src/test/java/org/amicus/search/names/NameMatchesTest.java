package org.amicus.search.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.search.TestElasticsearch;
import org.amicus.search.index.SearchIndex;
import org.amicus.search.index.SearchIndexProperties;
import org.amicus.search.ingest.FeedStandIn;
import org.amicus.search.ingest.Ingest;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The names call as workflow-service uses it: persons fed through the real ingest path from a
 * stand-in of cases-service's change feed into the real Elasticsearch, asked over HTTP with real
 * Keycloak tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NameMatchesTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  static FeedStandIn cases;
  static FeedStandIn workflow;

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) throws IOException {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    cases = new FeedStandIn(keycloak.issuer());
    workflow = new FeedStandIn(keycloak.issuer());
    String alias = "names-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
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
    persons();
  }

  /** Persons as cases-service publishes them; ids are the person ids workflow-service knows. */
  static void persons() {
    cases.upsert(
        "person",
        "101",
        person(
            "odf",
            "ORGANISATION",
            List.of("partner@odf", "coordinator@odf"),
            List.of("Джакишев Мухтар", "Mukhtar Dzhakishev", "Jakishev")));
    // kisr's person shared with the coalition: every organisation may read her
    cases.upsert(
        "person",
        "102",
        person(
            "kisr",
            "COALITION",
            List.of("partner@*", "coordinator@*"),
            List.of("Maks Bokayev", "Макс Бокаев")));
    cases.upsert(
        "person",
        "103",
        person(
            "odf",
            "ORGANISATION",
            List.of("partner@odf", "coordinator@odf"),
            List.of("Арман Бокаев")));
    // fidu's own person: odf's submissions consider her only when her case is linked
    cases.upsert(
        "person",
        "104",
        person(
            "fidu",
            "ORGANISATION",
            List.of("partner@fidu", "coordinator@fidu"),
            List.of("Жазира Демеуова", "Zhazira Demeuova")));
    // public, without consent to be named publicly: search shows the pseudonym only
    Map<String, Object> hidden =
        person(
            "kisr", "PUBLIC", List.of("partner@*", "coordinator@*"), List.of("Serikzhan Bilash"));
    hidden.put("names", List.of("S.B."));
    cases.upsert("person", "105", hidden);
  }

  static Map<String, Object> person(
      String owner, String visibility, List<String> readers, List<String> forms) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("ownerOrg", owner);
    doc.put("visibility", visibility);
    doc.put("readers", readers);
    doc.put("names", forms);
    doc.put("nameForms", forms);
    doc.put("pseudonym", "P.");
    doc.put("contact", "+7 700 000 0000");
    return doc;
  }

  @AfterAll
  static void cleanUp(
      @Autowired Ingest ingest,
      @Autowired ElasticsearchClient elasticsearch,
      @Autowired SearchIndexProperties properties)
      throws IOException {
    ingest.stop();
    cases.close();
    workflow.close();
    TestElasticsearch.deleteIndices(elasticsearch, properties);
  }

  @LocalServerPort int port;
  @Autowired SearchIndex index;
  @Autowired ElasticsearchClient elasticsearch;

  @Test
  void findsEveryFormOfThePersonsTheOrganisationMayReadAndTheLinkedOnes() throws Exception {
    String text = "Письмо Джакишеву, BOKAYEV's brother; Demeuova and Bilash";
    String workflowToken = Tokens.serviceToken(RealDependencies.keycloak(), "workflow-service");

    JsonNode found =
        awaitSpans(
            workflowToken,
            "odf",
            List.of(),
            text,
            "Джакишеву [101]",
            "BOKAYEV's [102, 103]",
            "Bilash [105]");

    assertThat(found.path("undecidable")).isEmpty();
    assertThat(found.toString()).doesNotContain("Джакишев").doesNotContain("Bilash");

    // linked: fidu's person is considered whatever her readers
    JsonNode linked = matches(workflowToken, "odf", List.of(104L), text);
    assertThat(spans(linked, text)).contains("Demeuova [104]");
    // fidu reads its own person, not odf's
    JsonNode fidu = matches(workflowToken, "fidu", List.of(), text);
    assertThat(spans(fidu, text))
        .containsExactly("BOKAYEV's [102]", "Demeuova [104]", "Bilash [105]");
  }

  @Test
  void aDeletedPersonIsNoLongerMatchedAndAChangedNameIsMatchedAsItIsNow() throws Exception {
    String token = Tokens.serviceToken(RealDependencies.keycloak(), "workflow-service");
    cases.upsert(
        "person",
        "106",
        person("odf", "ORGANISATION", List.of("partner@odf"), List.of("Ilyas Khassenov")));
    awaitSpans(token, "odf", List.of(), "Khassenov", "Khassenov [106]");

    cases.upsert(
        "person",
        "106",
        person("odf", "ORGANISATION", List.of("partner@odf"), List.of("Ilyas Kenzhebekov")));
    awaitSpans(token, "odf", List.of(), "Khassenov Kenzhebekov", "Kenzhebekov [106]");
    cases.delete("person", "106");

    awaitSpans(token, "odf", List.of(106L), "Kenzhebekov");
  }

  @Test
  void undecidableWordsAreReported() throws Exception {
    String token = Tokens.serviceToken(RealDependencies.keycloak(), "workflow-service");
    String text = "the so-called Dzhakishevshchina";

    JsonNode found = awaitUndecidable(token, text);

    JsonNode place = found.path("undecidable").get(0);
    assertThat(place.path("field").asText()).isEqualTo("sections[0].text");
    assertThat(text.substring(place.path("start").asInt(), place.path("end").asInt()))
        .isEqualTo("Dzhakishevshchina");
  }

  @Test
  void onlyWorkflowServicesAccountMayAsk() throws Exception {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    String body = body("odf", List.of(), "Dzhakishev");

    assertThat(post(null, body).statusCode()).isEqualTo(401);
    for (String user : List.of("anna", "clara", "adam")) {
      HttpResponse<String> refused = post(Tokens.accessToken(keycloak, user), body);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }
    assertThat(post(Tokens.serviceToken(keycloak, "search-indexer"), body).statusCode())
        .isEqualTo(403);
    // the indexer keeps its change feed; the names path is not part of it
    assertThat(get("/internal/state", Tokens.accessToken(keycloak, "anna")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void badRequestsAreProblemsNamingTheirFields() throws Exception {
    String token = Tokens.serviceToken(RealDependencies.keycloak(), "workflow-service");
    List<Map<String, String>> tooMany = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      tooMany.add(Map.of("field", "t" + i, "text", "x"));
    }
    String noOrganisation =
        JSON.writeValueAsString(Map.of("texts", tooMany, "personIds", List.of(1)));

    HttpResponse<String> bad = post(token, noOrganisation);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(JSON.readTree(bad.body()).findValuesAsText("field"))
        .contains("organisation", "texts");

    String tooLong =
        JSON.writeValueAsString(
            Map.of(
                "organisation",
                "odf",
                "texts",
                List.of(Map.of("field", "a", "text", "x".repeat(200_001)), Map.of("text", "y"))));
    HttpResponse<String> long_ = post(token, tooLong);
    assertThat(long_.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(long_.body()).findValuesAsText("field"))
        .contains("texts", "texts[1].field");
    assertThat(post(token, "{not json").statusCode()).isEqualTo(400);
  }

  @Test
  void publicSearchNeverShowsNameFormsOrTheNamesIndex() throws Exception {
    String workflowToken = Tokens.serviceToken(RealDependencies.keycloak(), "workflow-service");
    awaitSpans(workflowToken, "odf", List.of(), "Bilash", "Bilash [105]");
    String anna = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    // Bilash is public but only by pseudonym: the matcher knows the name, search does not
    HttpResponse<String> byName = get("/api/search?q=Bilash", anna);
    assertThat(byName.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(byName.body()).path("total").asLong()).isZero();
    HttpResponse<String> suggestions = get("/api/search/suggest?prefix=Bila", anna);
    assertThat(suggestions.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(suggestions.body()).path("suggestions")).isEmpty();

    HttpResponse<String> everything = get("/api/search?size=100", anna);
    assertThat(everything.statusCode()).isEqualTo(200);
    assertThat(everything.body())
        .doesNotContain("nameForms")
        .doesNotContain("Bilash")
        .doesNotContain("+7 700");
    // one hit per record: none comes from the names index
    JsonNode hits = JSON.readTree(everything.body()).path("hits");
    List<String> keys = new ArrayList<>();
    hits.forEach(h -> keys.add(h.path("type").asText() + ":" + h.path("id").asText()));
    assertThat(keys).doesNotHaveDuplicates();
    // and the names index holds nothing but ids, readers and folded forms
    JsonNode stored =
        elasticsearch
            .get(g -> g.index(index.namesAlias()).id("person:105"), JsonNode.class)
            .source();
    assertThat(stored).isNotNull();
    List<String> fields = new ArrayList<>();
    stored.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("key", "id", "seq", "readers", "forms");
  }

  /** Waits until the ingest has caught up so that {@code text} shows {@code expected}. */
  private JsonNode awaitSpans(
      String token, String organisation, List<Long> personIds, String text, String... expected) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> response = post(token, body(organisation, personIds, text));
              if (response.statusCode() != 200) {
                return false; // 503 until the first poll made the names index
              }
              last[0] = JSON.readTree(response.body());
              return spans(last[0], text).equals(List.of(expected));
            });
    return last[0];
  }

  private JsonNode awaitUndecidable(String token, String text) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> response =
                  post(
                      token,
                      JSON.writeValueAsString(
                          Map.of(
                              "organisation",
                              "odf",
                              "texts",
                              List.of(Map.of("field", "sections[0].text", "text", text)))));
              last[0] = JSON.readTree(response.body());
              return last[0].path("undecidable").size() == 1;
            });
    return last[0];
  }

  private JsonNode matches(String token, String organisation, List<Long> personIds, String text)
      throws Exception {
    HttpResponse<String> response = post(token, body(organisation, personIds, text));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Each span as the text it covers and its person ids, in the order of the answer. */
  private static List<String> spans(JsonNode answer, String text) {
    List<String> spans = new ArrayList<>();
    for (JsonNode span : answer.path("spans")) {
      assertThat(span.path("field").asText()).isEqualTo("title");
      List<Long> ids = new ArrayList<>();
      span.path("personIds").forEach(id -> ids.add(id.asLong()));
      spans.add(text.substring(span.path("start").asInt(), span.path("end").asInt()) + " " + ids);
    }
    return spans;
  }

  private static String body(String organisation, List<Long> personIds, String text)
      throws IOException {
    return JSON.writeValueAsString(
        Map.of(
            "organisation",
            organisation,
            "personIds",
            personIds,
            "texts",
            List.of(Map.of("field", "title", "text", text))));
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/names/matches"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    String[] parts = path.split("\\?", 2);
    String query =
        parts.length < 2
            ? ""
            : "?"
                + String.join(
                    "&",
                    java.util.Arrays.stream(parts[1].split("&"))
                        .map(
                            p -> {
                              String[] kv = p.split("=", 2);
                              return kv[0]
                                  + "="
                                  + URLEncoder.encode(
                                      kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
                            })
                        .toList());
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + parts[0] + query))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
