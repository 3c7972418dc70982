package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The producer's side of the search contract: what cases-service really writes to its change feed
 * (its records, serialised by the outbox) matches the JSON Schemas in {@code
 * src/main/resources/contracts}, of which search-service keeps a copy and validates its own reading
 * against. A field added, renamed or retyped here fails this test until the schema, with a new
 * version, and search-service's copy say so too (docs/architecture.md, "Search documents").
 */
class SearchDocumentContractTest extends CasesIntegrationTest {

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Test
  void theFeedDocumentsOfCasesPersonsAndRecommendationsMatchTheirSchemas() throws Exception {
    long person = created(ANNA, "/api/persons", CaseFlowTest.PERSON);
    long named =
        created(
            ANNA,
            "/api/persons",
            """
            {"originalName": "Билаш Серикжан", "spellings": ["Serikzhan Bilash"],
             "pseudonym": "S.B.", "visibility": "PUBLIC"}
            """);
    long caseId =
        created(
            ANNA, "/api/cases", CaseFlowTest.caseBody(person, "COALITION", "Contract of a case"));
    assertThat(
            send(ANNA, "POST", "/api/cases/" + caseId + "/charges", null, "{\"article\": \"405\"}")
                .getStatus())
        .isEqualTo(201);
    long recommendation =
        created(
            CLARA,
            "/api/recommendations",
            """
            {"stateUnderReview": "KZ", "cycle": 3, "session": 34, "reportSymbol": "A/HRC/C/%s",
             "paragraph": "139.12", "recommendingStates": ["Norway"],
             "text": "Protect lawyers", "themes": ["lawyers"], "response": "SUPPORTED"}
            """
                .formatted(UUID.randomUUID().toString().substring(0, 8)));

    JsonNode theCase = feedDocument("case", caseId);
    assertThat(problems("case", theCase)).isEmpty();
    // the shape search-service cites articles from: {code, number, title}
    assertThat(theCase.at("/articles/0/code").asText()).isEqualTo("CC");
    assertThat(theCase.at("/articles/0/number").asText()).isEqualTo("405");
    assertThat(problems("person", feedDocument("person", person))).isEmpty();
    assertThat(problems("person", feedDocument("person", named))).isEmpty();
    assertThat(problems("recommendation", feedDocument("recommendation", recommendation)))
        .isEmpty();
  }

  @Test
  void theFeedDocumentOfASourcedFigureMatchesItsSchemaAndCarriesItsReaders() throws Exception {
    long shared =
        created(
            ANNA,
            "/api/stats/sourced",
            """
            {"value": 25, "qualifier": "AT_LEAST", "outOf": 32, "label": "UN opinions ignored",
             "country": "KZ", "refersFrom": "2019-10", "countedBy": "Open Dialogue Foundation",
             "sourceCitation": "Joint statement, Brussels, October 2019"}
            """);
    long own =
        created(
            ANNA,
            "/api/stats/sourced",
            """
            {"label": "Defamation stays a crime", "legalArticle": "130", "refersFrom": "2019",
             "countedBy": "Open Dialogue Foundation", "sourceCitation": "Joint statement",
             "visibility": "ORGANISATION"}
            """);

    JsonNode figure = feedDocument("figure", shared);
    assertThat(problems("figure", figure)).isEmpty();
    assertThat(figure.get("year").asInt()).isEqualTo(2019);
    assertThat(figure.get("value").decimalValue()).isEqualByComparingTo("25");
    assertThat(figure.get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
    JsonNode note = feedDocument("figure", own);
    assertThat(problems("figure", note)).isEmpty();
    assertThat(note.get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@odf", "coordinator@odf");
  }

  @Test
  void aDocumentWithoutReadersOrWithAnUnknownFieldBreaksTheContract() throws Exception {
    long person = created(ANNA, "/api/persons", CaseFlowTest.PERSON);
    ObjectNode withoutReaders = (ObjectNode) feedDocument("person", person).deepCopy();
    withoutReaders.remove("readers");
    ObjectNode withMore = (ObjectNode) feedDocument("person", person).deepCopy();
    withMore.put("contact", "a field search must not receive unannounced");

    assertThat(problems("person", withoutReaders)).anyMatch(p -> p.contains("readers"));
    assertThat(problems("person", withMore)).anyMatch(p -> p.contains("contact"));
  }

  /** What breaks the schema, as JSON paths and rules (never values: these may be names). */
  private static List<String> problems(String type, JsonNode document) throws Exception {
    try (InputStream in =
        SearchDocumentContractTest.class.getResourceAsStream(
            "/contracts/" + type + "-search-document.v1.schema.json")) {
      assertThat(in).as("schema of " + type).isNotNull();
      Schema schema = SCHEMAS.getSchema(in);
      return schema.validate(document).stream()
          .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getProperty())
          .toList();
    }
  }

  private long created(String user, String path, String body) throws Exception {
    MockHttpServletResponse created = send(user, "POST", path, null, body);
    assertThat(created.getStatus()).as(path).isEqualTo(201);
    return body(created).get("id").asLong();
  }
}
