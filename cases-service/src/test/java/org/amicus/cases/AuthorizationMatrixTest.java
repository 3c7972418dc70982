package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.amicus.cases.shared.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every role × every visibility, with the status each must get. Authorised writes
 * carry a stale If-Match, so they prove they passed the access check (412) without changing
 * anything; creations really create. {@link #everyEndpointHasARow} fails when an endpoint is added
 * without rows here.
 */
class AuthorizationMatrixTest extends CasesIntegrationTest {

  /** The callers: nobody, the owner's partner, another organisation's partner, and the rest. */
  enum Who {
    ANONYMOUS(CasesIntegrationTest.ANONYMOUS),
    OWNER_PARTNER(ANNA),
    OTHER_PARTNER(MARCO),
    COORDINATOR(CLARA),
    ADMIN(ADAM),
    INDEXER(CasesIntegrationTest.INDEXER);

    final String user;

    Who(String user) {
      this.user = user;
    }
  }

  /** What an endpoint's id refers to, which decides how the path is filled in. */
  enum Kind {
    NONE,
    CASE,
    PERSON,
    RECOMMENDATION,
    FIGURE
  }

  /** Who gets which status, given the record's visibility. */
  interface Rule {
    int status(Who who, Visibility visibility);
  }

  record Row(String method, String pattern, Kind kind, String body, Rule rule) {
    String key() {
      return method + " " + pattern;
    }
  }

  private static final String STALE = "\"-1\"";

  /** Mappings no caller can reach as an endpoint of their own. */
  private static final Set<String> NOT_ENDPOINTS =
      Set.of(
          "GET /error", // the servlet container's error page, rendered for other requests
          "POST /error",
          "PUT /error",
          "DELETE /error",
          "PATCH /error",
          "HEAD /error",
          "OPTIONS /error");

  // ---- the rules

  static int caseContent(Who who, Visibility v, int ok, int readerButNotOwner) {
    return switch (who) {
      case ANONYMOUS -> 401;
      case ADMIN, INDEXER -> 403;
      case OWNER_PARTNER, COORDINATOR -> ok; // clara coordinates from the owner organisation
      case OTHER_PARTNER -> v == Visibility.ORGANISATION ? 404 : readerButNotOwner;
    };
  }

  static final Rule READ = (w, v) -> caseContent(w, v, 200, 200);
  static final Rule WRITE_STALE = (w, v) -> caseContent(w, v, 412, 403);
  static final Rule ADD = (w, v) -> caseContent(w, v, 201, 403);
  static final Rule ADD_CONSENT = (w, v) -> caseContent(w, v, 200, 403);
  static final Rule HISTORY = (w, v) -> caseContent(w, v, 200, 403);

  /** Documents stay with the owner organisation, whatever the case's visibility. */
  static final Rule OWNER_READ = (w, v) -> caseContent(w, v, 200, 403);

  static Rule members(int ok) {
    return (w, v) ->
        switch (w) {
          case ANONYMOUS -> 401;
          case ADMIN, INDEXER -> 403;
          default -> ok;
        };
  }

  static Rule coordinators(int ok) {
    return (w, v) ->
        switch (w) {
          case ANONYMOUS -> 401;
          case COORDINATOR -> ok;
          default -> 403;
        };
  }

  static final Rule VERIFY =
      (w, v) ->
          switch (w) {
            case ANONYMOUS -> 401;
            case COORDINATOR, ADMIN -> 200;
            default -> 403;
          };
  static final Rule AUTHENTICATED = (w, v) -> w == Who.ANONYMOUS ? 401 : 200;
  static final Rule INDEXER_ONLY =
      (w, v) ->
          switch (w) {
            case ANONYMOUS -> 401;
            case INDEXER -> 200;
            default -> 403;
          };
  static final Rule OPEN = (w, v) -> 200;

  // ---- the rows

  static final String PERSON =
      "{\"originalName\": \"Matrix person\", \"pseudonym\": \"M\", \"visibility\": \"COALITION\"}";
  static final String CASE =
      "{\"title\": \"Matrix\", \"country\": \"KZ\", \"status\": \"OPEN\", \"riskLevel\": \"LOW\","
          + " \"visibility\": \"ORGANISATION\"}";
  static final String CHARGE = "{\"article\": \"400\"}";
  static final String EVENT = "{\"type\": \"SEARCH\", \"date\": \"2019\"}";
  static final String DECISION =
      "{\"body\": \"CAT\", \"reference\": \"Matrix\", \"compliance\": \"PENDING\"}";
  static final String REPRESENTATION =
      "{\"personId\": %d, \"organisation\": \"odf\", \"grantedOn\": \"2019-01-01\"}";
  static final String CONSENT =
      "{\"channel\": \"EU\", \"granted\": false, \"date\": \"2019-01-01\"}";
  static final String RECOMMENDATION =
      "{\"stateUnderReview\": \"KZ\", \"cycle\": 3, \"reportSymbol\": \"A/HRC/MATRIX\","
          + " \"paragraph\": \"%s\", \"recommendingStates\": [\"Norway\"], \"text\": \"T\"}";
  static final String FIGURE =
      "{\"value\": 21, \"qualifier\": \"AT_LEAST\", \"label\": \"Matrix figure\","
          + " \"refersFrom\": \"2019-10\", \"countedBy\": \"Matrix\","
          + " \"sourceCitation\": \"Matrix\", \"visibility\": \"ORGANISATION\"}";
  static final String PATCH_CASE = "{\"summary\": \"Patched\"}";
  static final String PATCH_PERSON = "{\"region\": \"Patched\"}";
  static final String ASSESSMENT = "{\"implementation\": \"PARTLY\"}";

  static final List<Row> ROWS = rows();

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("GET", "/api/cases", Kind.NONE, null, members(200)));
    rows.add(new Row("POST", "/api/cases", Kind.NONE, CASE, members(201)));
    rows.add(new Row("GET", "/api/cases/export", Kind.NONE, null, members(200)));
    rows.add(
        new Row(
            "POST",
            "/api/cases/import",
            Kind.NONE,
            "csv:title,summary,country,year,personIds,violations,status,riskLevel,visibility",
            members(200)));
    rows.add(new Row("GET", "/api/cases/articles", Kind.NONE, null, AUTHENTICATED));
    rows.add(new Row("GET", "/api/cases/audit/verify", Kind.NONE, null, VERIFY));
    rows.add(new Row("GET", "/api/cases/{id}", Kind.CASE, null, READ));
    rows.add(new Row("PUT", "/api/cases/{id}", Kind.CASE, CASE, WRITE_STALE));
    rows.add(new Row("PATCH", "/api/cases/{id}", Kind.CASE, PATCH_CASE, WRITE_STALE));
    rows.add(new Row("DELETE", "/api/cases/{id}", Kind.CASE, null, WRITE_STALE));
    rows.add(new Row("GET", "/api/cases/{id}/history", Kind.CASE, null, HISTORY));
    for (String part : List.of("charges", "events", "decisions", "representations")) {
      String body =
          switch (part) {
            case "charges" -> CHARGE;
            case "events" -> EVENT;
            case "decisions" -> DECISION;
            default -> REPRESENTATION;
          };
      rows.add(new Row("GET", "/api/cases/{id}/" + part, Kind.CASE, null, READ));
      rows.add(new Row("POST", "/api/cases/{id}/" + part, Kind.CASE, body, ADD));
      rows.add(
          new Row("PUT", "/api/cases/{id}/" + part + "/{partId}", Kind.CASE, body, WRITE_STALE));
      rows.add(
          new Row("DELETE", "/api/cases/{id}/" + part + "/{partId}", Kind.CASE, null, WRITE_STALE));
    }
    rows.add(new Row("GET", "/api/cases/{id}/documents", Kind.CASE, null, OWNER_READ));
    rows.add(new Row("POST", "/api/cases/{id}/documents", Kind.CASE, "multipart", ADD));
    rows.add(
        new Row(
            "GET", "/api/cases/{id}/documents/{documentId}/content", Kind.CASE, null, OWNER_READ));
    rows.add(
        new Row("DELETE", "/api/cases/{id}/documents/{documentId}", Kind.CASE, null, WRITE_STALE));
    rows.add(new Row("GET", "/api/persons", Kind.NONE, null, members(200)));
    rows.add(new Row("GET", "/api/persons/export", Kind.NONE, null, members(200)));
    rows.add(
        new Row(
            "POST",
            "/api/persons/import",
            Kind.NONE,
            "csv:originalName,spellings,birthYear,gender,region,occupation,contact,pseudonym,"
                + "visibility",
            members(200)));
    rows.add(new Row("POST", "/api/persons", Kind.NONE, PERSON, members(201)));
    rows.add(new Row("GET", "/api/persons/{id}", Kind.PERSON, null, READ));
    rows.add(new Row("PUT", "/api/persons/{id}", Kind.PERSON, PERSON, WRITE_STALE));
    rows.add(new Row("PATCH", "/api/persons/{id}", Kind.PERSON, PATCH_PERSON, WRITE_STALE));
    rows.add(new Row("DELETE", "/api/persons/{id}", Kind.PERSON, null, WRITE_STALE));
    rows.add(new Row("POST", "/api/persons/{id}/consents", Kind.PERSON, CONSENT, ADD_CONSENT));
    rows.add(new Row("GET", "/api/recommendations", Kind.NONE, null, members(200)));
    rows.add(new Row("POST", "/api/recommendations", Kind.NONE, RECOMMENDATION, coordinators(201)));
    rows.add(
        new Row(
            "POST",
            "/api/recommendations/import",
            Kind.NONE,
            "csv:stateUnderReview,cycle,session,reportSymbol,paragraph,recommendingStates,text,"
                + "themes,response",
            coordinators(200)));
    rows.add(new Row("GET", "/api/recommendations/{id}", Kind.RECOMMENDATION, null, members(200)));
    rows.add(
        new Row(
            "PUT",
            "/api/recommendations/{id}",
            Kind.RECOMMENDATION,
            RECOMMENDATION,
            coordinators(412)));
    rows.add(
        new Row(
            "PUT",
            "/api/recommendations/{id}/assessment",
            Kind.RECOMMENDATION,
            ASSESSMENT,
            coordinators(412)));
    rows.add(
        new Row(
            "DELETE", "/api/recommendations/{id}", Kind.RECOMMENDATION, null, coordinators(412)));
    rows.add(new Row("GET", "/api/stats", Kind.NONE, null, members(200)));
    rows.add(new Row("GET", "/api/stats/sourced", Kind.NONE, null, members(200)));
    rows.add(new Row("POST", "/api/stats/sourced", Kind.NONE, FIGURE, members(201)));
    rows.add(new Row("GET", "/api/stats/sourced/export", Kind.NONE, null, members(200)));
    rows.add(
        new Row(
            "POST",
            "/api/stats/sourced/import",
            Kind.NONE,
            "csv:value,qualifier,outOf,unit,label,country,legalArticle,refersFrom,refersTo,"
                + "countedBy,sourceCitation,sourceUrl,visibility",
            members(200)));
    rows.add(new Row("GET", "/api/stats/sourced/{id}", Kind.FIGURE, null, READ));
    rows.add(new Row("PUT", "/api/stats/sourced/{id}", Kind.FIGURE, FIGURE, WRITE_STALE));
    rows.add(new Row("DELETE", "/api/stats/sourced/{id}", Kind.FIGURE, null, WRITE_STALE));
    rows.add(new Row("GET", "/internal/changes", Kind.NONE, null, INDEXER_ONLY));
    rows.add(new Row("GET", "/internal/changes/head", Kind.NONE, null, INDEXER_ONLY));
    rows.add(new Row("GET", "/internal/snapshot", Kind.NONE, null, INDEXER_ONLY));
    rows.add(new Row("GET", "/v3/api-docs", Kind.NONE, null, OPEN));
    // The platform opens /v3/api-docs/** only; the YAML rendering needs a token.
    rows.add(new Row("GET", "/v3/api-docs.yaml", Kind.NONE, null, AUTHENTICATED));
    return rows;
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Row row : ROWS) {
      List<Visibility> visibilities =
          switch (row.kind()) {
            case CASE, PERSON, FIGURE -> List.of(Visibility.values());
            default -> List.of(Visibility.COALITION);
          };
      for (Visibility v : visibilities) {
        for (Who who : Who.values()) {
          cells.add(Arguments.of(row.key(), v, who, row));
        }
      }
    }
    return cells.stream();
  }

  // ---- the fixture: one case, one person and one sourced figure per visibility, owned by odf
  // (anna)

  record Fixture(long caseId, long personId, long figureId, Map<String, Long> parts) {}

  private static Map<Visibility, Fixture> fixtures;
  private static long recommendation;

  private static boolean attempted;

  private synchronized Fixture fixture(Visibility v) throws Exception {
    if (fixtures == null) {
      // One failed setup fails every cell at once instead of being retried 400 times.
      assertThat(attempted).as("the matrix fixture could not be created").isFalse();
      attempted = true;
      Map<Visibility, Fixture> made = new EnumMap<>(Visibility.class);
      for (Visibility visibility : Visibility.values()) {
        made.put(visibility, make(visibility));
      }
      recommendation =
          body(send(
                  CLARA,
                  "POST",
                  "/api/recommendations",
                  null,
                  RECOMMENDATION.formatted(UUID.randomUUID().toString().substring(0, 8))))
              .get("id")
              .asLong();
      fixtures = made;
    }
    return fixtures.get(v);
  }

  private Fixture make(Visibility v) throws Exception {
    long person =
        body(send(ANNA, "POST", "/api/persons", null, PERSON.replace("COALITION", v.name())))
            .get("id")
            .asLong();
    String path =
        "/api/cases/"
            + body(send(
                    ANNA,
                    "POST",
                    "/api/cases",
                    null,
                    CASE.replace("ORGANISATION", v.name())
                        .replace("\"title\"", "\"personIds\": [" + person + "], \"title\"")))
                .get("id")
                .asLong();
    send(ANNA, "POST", path + "/charges", null, CHARGE);
    send(ANNA, "POST", path + "/events", null, EVENT);
    send(ANNA, "POST", path + "/decisions", null, DECISION);
    JsonNode c =
        body(send(ANNA, "POST", path + "/representations", null, REPRESENTATION.formatted(person)));
    long document =
        body(call(ANNA, MockMvcRequestBuilders.multipart(path + "/documents").file(textFile())))
            .get("id")
            .asLong();
    long figure =
        body(send(
                ANNA, "POST", "/api/stats/sourced", null, FIGURE.replace("ORGANISATION", v.name())))
            .get("id")
            .asLong();
    return new Fixture(
        c.get("id").asLong(),
        person,
        figure,
        Map.of(
            "charges", c.at("/charges/0/id").asLong(),
            "events", c.at("/events/0/id").asLong(),
            "decisions", c.at("/decisions/0/id").asLong(),
            "representations", c.at("/representations/0/id").asLong(),
            "documents", document));
  }

  private static MockMultipartFile textFile() {
    return new MockMultipartFile(
        "file", "matrix.txt", "text/plain", "Matrix".getBytes(StandardCharsets.UTF_8));
  }

  private String path(Row row, Fixture f) {
    String path = row.pattern();
    long id =
        switch (row.kind()) {
          case CASE -> f.caseId();
          case PERSON -> f.personId();
          case RECOMMENDATION -> recommendation;
          case FIGURE -> f.figureId();
          case NONE -> 0;
        };
    path = path.replace("{id}", String.valueOf(id));
    if (path.equals("/api/cases/articles")) {
      path += "?country=KZ";
    }
    if (path.contains("{documentId}")) {
      path = path.replace("{documentId}", String.valueOf(f.parts().get("documents")));
    }
    if (path.contains("{partId}")) {
      String part = path.split("/")[4];
      path = path.replace("{partId}", String.valueOf(f.parts().get(part)));
    }
    return path;
  }

  @ParameterizedTest(name = "{0} [{1}] as {2}")
  @MethodSource("cells")
  void everyCallerGetsWhatTheRulesSay(String endpoint, Visibility v, Who who, Row row)
      throws Exception {
    Fixture f = fixture(v);
    String path = path(row, f);
    MockHttpServletRequestBuilder request =
        "multipart".equals(row.body())
            ? MockMvcRequestBuilders.multipart(java.net.URI.create(path)).file(textFile())
            : MockMvcRequestBuilders.request(row.method(), java.net.URI.create(path));
    if (row.body() != null && row.body().startsWith("csv:")) {
      // Only the header: a dry run that proves access without writing anything.
      request.contentType(MediaType.valueOf("text/csv")).content(row.body().substring(4) + "\n");
      request.param("dryRun", "true");
    } else if (row.body() != null && !"multipart".equals(row.body())) {
      String body =
          row.body().contains("%s")
              ? row.body().formatted(UUID.randomUUID().toString().substring(0, 8))
              : row.body().contains("%d") ? row.body().formatted(f.personId()) : row.body();
      if (row.body().equals(CASE)) {
        body = body.replace("\"title\"", "\"personIds\": [], \"title\"");
      }
      request
          .contentType(
              row.method().equals("PATCH")
                  ? MediaType.valueOf("application/merge-patch+json")
                  : MediaType.APPLICATION_JSON)
          .content(body);
    }
    if (List.of("PUT", "PATCH", "DELETE").contains(row.method())) {
      request.header("If-Match", STALE);
    }

    MockHttpServletResponse response = call(who.user, request);

    assertThat(response.getStatus())
        .as("%s %s as %s: %s", row.method(), path, who, response.getContentAsString())
        .isEqualTo(row.rule().status(who, v));
    if (response.getStatus() >= 400) {
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointHasARow() {
    Set<String> registered = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              Set<String> methods = new TreeSet<>();
              info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
              if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"));
              }
              for (String pattern : info.getPatternValues()) {
                methods.forEach(m -> registered.add(m + " " + pattern));
              }
            });
    registered.removeAll(NOT_ENDPOINTS);
    Set<String> covered = new TreeSet<>();
    ROWS.forEach(r -> covered.add(r.key()));

    assertThat(covered).as("endpoints without a row in the matrix").containsAll(registered);
    assertThat(registered).as("rows for endpoints that do not exist").containsAll(covered);
  }
}
