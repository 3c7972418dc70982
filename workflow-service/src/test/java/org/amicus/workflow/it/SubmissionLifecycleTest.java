package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.web.ProblemMessages;
import org.amicus.workflow.submission.SubmissionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Drafting, revisions, access and the submission checks, on the real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(WorkflowTestSupport.Cases.class)
class SubmissionLifecycleTest extends SubmissionApiTest {

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    realDependencies(registry);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired FakeCases cases;
  @Autowired SubmissionService submissions;
  @Autowired Outbox outbox;
  @Autowired FakeNames names;

  static Map<String, Object> draft(
      String type, LocalDate deadline, List<?> coSigners, String text) {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("type", type);
    draft.put("title", "Kazakhstan: civic space after the third UPR cycle");
    draft.put("language", "en");
    draft.put("deadline", deadline == null ? null : deadline.toString());
    draft.put("coSigners", coSigners);
    draft.put(
        "sections",
        List.of(
            Map.of("heading", "Introduction", "text", text),
            Map.of(
                "heading",
                "Political prisoners",
                "text",
                "At least 25 of 32 UN opinions are ignored.")));
    draft.put(
        "proposedRecommendations", List.of("Release everyone detained for peaceful activism"));
    return draft;
  }

  static List<Map<String, String>> fidu() {
    return List.of(
        Map.of("organisation", "fidu", "description", "Italian Federation for Human Rights, Rome"));
  }

  UUID create(Map<String, Object> draft) throws Exception {
    return UUID.fromString(call(post("/api/submissions"), anna(), draft, 201).get("id").asText());
  }

  @Test
  void theAuthorsKeepEveryRevisionAndSeeWhatChangedSectionBySection() throws Exception {
    UUID id = create(draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "First words."));
    String first = etag(id, anna());

    call(
        put("/api/submissions/{id}", id).header("If-Match", first),
        anna(),
        draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Better words."),
        200);
    JsonNode stale =
        call(
            put("/api/submissions/{id}", id).header("If-Match", first),
            anna(),
            draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Lost words."),
            412);
    assertThat(stale.get("type").asText()).isEqualTo("urn:amicus:problem:precondition-failed");

    JsonNode versions = call(get("/api/submissions/{id}/versions", id), anna(), null, 200);
    assertThat(versions).hasSize(2);
    JsonNode diff = call(get("/api/submissions/{id}/versions/1/diff/2", id), anna(), null, 200);
    assertThat(diff.get("sections").get(0).get("change").asText()).isEqualTo("CHANGED");
    assertThat(diff.get("sections").get(0).get("after").asText()).isEqualTo("Better words.");
    assertThat(diff.get("sections").get(1).get("change").asText()).isEqualTo("UNCHANGED");
    JsonNode current = call(get("/api/submissions/{id}", id), anna(), null, 200);
    assertThat(current.get("revision").asInt()).isEqualTo(2);
    assertThat(current.get("leadOrganisation").asText()).isEqualTo("odf");
  }

  @Test
  void coSignersReadTheDraftOthersDoNotEvenSeeIt() throws Exception {
    UUID id = create(draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Text."));

    call(get("/api/submissions/{id}", id), marco(), null, 200);
    call(get("/api/submissions/{id}", id), olena(), null, 404);
    call(get("/api/submissions/{id}", id), zoe(), null, 404);
    call(get("/api/submissions/{id}", id), adam(), null, 404);
    String etag = etag(id, anna());
    call(
        put("/api/submissions/{id}", id).header("If-Match", etag),
        marco(),
        draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Hijack."),
        403);
    JsonNode list = call(get("/api/submissions"), marco(), null, 200);
    assertThat(list.findValuesAsText("id")).contains(id.toString());
    assertThat(call(get("/api/submissions"), olena(), null, 200).findValuesAsText("id"))
        .doesNotContain(id.toString());
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
    Map<String, Object> bad =
        draft(
            "UPR_INDIVIDUAL",
            null,
            List.of(Map.of("organisation", "odf", "description", "us")),
            "x");
    bad.put("target", "UN_WGAD");
    bad.put("language", "English");
    long before = jdbc.queryForObject("select count(*) from submission", Long.class);

    JsonNode problem = call(post("/api/submissions"), anna(), bad, 400);

    assertThat(problem.findValuesAsText("field")).contains("language");
    assertThat(jdbc.queryForObject("select count(*) from submission", Long.class))
        .isEqualTo(before);
    bad.put("language", "en");
    JsonNode rules = call(post("/api/submissions"), anna(), bad, 400);
    assertThat(rules.findValuesAsText("field")).contains("target", "coSigners[0].organisation");
  }

  @Test
  void aRefusalIsExplainedInTheCallersLanguageWithTheSameFieldsAndType() throws Exception {
    assertThat(ProblemMessages.load().gaps()).as("every problem text in en, ru and kk").isEmpty();
    Map<String, Object> bad = draft("UPR_INDIVIDUAL", null, List.of(), "x");
    bad.put("language", "English");
    bad.put("title", " ");

    JsonNode en = call(post("/api/submissions"), anna(), bad, 400);
    JsonNode ru = call(post("/api/submissions").header("Accept-Language", "ru"), anna(), bad, 400);
    JsonNode kk =
        call(post("/api/submissions").header("Accept-Language", "kk-KZ"), anna(), bad, 400);

    assertThat(en.findValuesAsText("message")).contains("must be an ISO 639 language code");
    for (JsonNode translated : List.of(ru, kk)) {
      assertThat(translated.get("type")).isEqualTo(en.get("type"));
      assertThat(translated.findValuesAsText("field"))
          .containsExactlyInAnyOrderElementsOf(en.findValuesAsText("field"));
    }
    assertThat(ru.get("title").asText()).isEqualTo("Неверный запрос");
    assertThat(ru.findValuesAsText("message"))
        .contains("должно быть кодом языка ISO 639", "не должно быть пустым");
    assertThat(kk.get("title").asText()).isEqualTo("Қате сұрау");
    assertThat(kk.findValuesAsText("message"))
        .contains("ISO 639 тіл коды болуы керек", "бос болмауы керек");
  }

  @Test
  void theChecksBeforeReviewNameEachFailedRule() throws Exception {
    String tooLong = String.join(" ", java.util.Collections.nCopies(2_820, "word"));
    UUID id = create(draft("UPR_JOINT", LocalDate.now().minusDays(1), List.of(), tooLong));
    long withoutConsent = cases.caseOf(List.of("Maks Bokayev"), null, false);
    Map<String, Object> joint =
        draft("UPR_JOINT", LocalDate.now().minusDays(1), List.of(), tooLong + " " + tooLong);
    joint.put("caseIds", List.of(withoutConsent));
    call(put("/api/submissions/{id}", id).header("If-Match", etag(id, anna())), anna(), joint, 200);

    JsonNode problem =
        call(
            post("/api/submissions/{id}/submit", id).header("If-Match", etag(id, anna())),
            anna(),
            null,
            400);

    assertThat(problem.findValuesAsText("field"))
        .contains("sections", "deadline", "coSigners", "caseIds[0]");
    assertThat(problem.toString()).contains("5,630").doesNotContain("Bokayev");
    assertThat(call(get("/api/submissions/{id}", id), anna(), null, 200).get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void aPersonNamedButInNoLinkedCaseIsProtectedAndWarnedOfByPlaceNeverByName() throws Exception {
    long unlinked = cases.person(List.of("Zhanbolat Mamyshev"), "Activist Z.", false, false);
    names.readable(unlinked);
    UUID id =
        create(
            draft(
                "UPR_INDIVIDUAL",
                LocalDate.now().plusMonths(2),
                List.of(),
                "Police detained Zhanbolat Mamyshev in 2022."));

    JsonNode submitted =
        call(
            post("/api/submissions/{id}/submit", id).header("If-Match", etag(id, anna())),
            anna(),
            null,
            200);

    assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
    JsonNode warnings = submitted.get("warnings");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).get("field").asText()).isEqualTo("sections[0].text");
    assertThat(warnings.get(0).get("start").asInt()).isEqualTo(16);
    assertThat(warnings.get(0).get("end").asInt()).isEqualTo(34);
    assertThat(warnings.get(0).get("message").asText()).contains("link their case");
    assertThat(submitted.toString()).doesNotContain("Mamyshev").doesNotContain("Zhanbolat");
  }

  @Test
  void aNameThatCannotBeDecidedIsRefusedWithItsFieldAndPosition() throws Exception {
    names.undecidable("Kosanovqa");
    UUID id =
        create(
            draft(
                "UPR_INDIVIDUAL",
                LocalDate.now().plusMonths(2),
                List.of(),
                "Lawyers of Kosanovqa were summoned."));

    JsonNode problem =
        call(
            post("/api/submissions/{id}/submit", id).header("If-Match", etag(id, anna())),
            anna(),
            null,
            400);

    assertThat(problem.findValuesAsText("field")).containsExactly("sections[0].text");
    assertThat(problem.toString()).contains("11-20").doesNotContain("Kosanovqa");
    assertThat(call(get("/api/submissions/{id}", id), anna(), null, 200).get("status").asText())
        .isEqualTo("DRAFT");
  }

  @Test
  void withTheNameMatcherUnavailableSubmitAnswers503AndNothingChanges() throws Exception {
    UUID id = create(draft("UPR_INDIVIDUAL", LocalDate.now().plusMonths(2), List.of(), "Text."));
    names.down(true);
    try {
      JsonNode problem =
          call(
              post("/api/submissions/{id}/submit", id).header("If-Match", etag(id, anna())),
              anna(),
              null,
              503);
      assertThat(problem.get("detail").asText()).contains("nothing was changed");
    } finally {
      names.down(false);
    }
    assertThat(call(get("/api/submissions/{id}", id), anna(), null, 200).get("status").asText())
        .isEqualTo("DRAFT");
    assertThat(call(get("/api/submissions/{id}/history", id), anna(), null, 200).toString())
        .doesNotContain("SUBMITTED");
  }

  @Test
  void submittingOpensTheSubmissionToCoordinatorsAndTellsSearch() throws Exception {
    UUID id = create(draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Text."));
    assertThat(searchDocument(id).get("visibility").asText()).isEqualTo("ORGANISATION");
    // a draft: its lead's and co-signer's staff find it in search, coordinators do not yet
    assertThat(searchDocument(id).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "partner@odf", "coordinator@odf", "partner@fidu", "coordinator@fidu");

    JsonNode submitted =
        call(
            post("/api/submissions/{id}/submit", id).header("If-Match", etag(id, anna())),
            anna(),
            null,
            200);

    assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
    call(get("/api/submissions/{id}", id), zoe(), null, 200);
    JsonNode document = searchDocument(id);
    assertThat(document.get("visibility").asText()).isEqualTo("COALITION");
    assertThat(document.get("ownerOrg").asText()).isEqualTo("odf");
    assertThat(document.get("coSigners").get(0).asText()).isEqualTo("fidu");
    assertThat(document.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(document.get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "partner@odf", "coordinator@odf", "partner@fidu", "coordinator@fidu", "coordinator@*");
    call(
        put("/api/submissions/{id}", id).header("If-Match", etag(id, anna())),
        anna(),
        draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Too late."),
        409);
  }

  @Test
  void aSearchDocumentWrittenBeforeReadersExistedIsWrittenAgainWithThem() throws Exception {
    UUID id = create(draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Text."));
    // what an earlier version wrote: the same submission, without readers
    jdbc.update(
        "insert into change_outbox (record_type, record_id, operation, document)"
            + " values ('submission', ?, 'UPSERT', cast(? as jsonb))",
        id.toString(),
        "{\"ownerOrg\": \"odf\", \"visibility\": \"ORGANISATION\"}");
    assertThat(searchDocument(id).has("readers")).isFalse();

    submissions.publishReadersOfOlderDocuments();

    assertThat(searchDocument(id).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "partner@odf", "coordinator@odf", "partner@fidu", "coordinator@fidu");
  }

  /**
   * The producer's side of the search contract: the document workflow-service really writes to its
   * change feed matches {@code contracts/submission-search-document.v1.schema.json}, of which
   * search-service keeps a copy and validates its own reading against (docs/architecture.md).
   */
  @Test
  void theSearchDocumentOfASubmissionMatchesItsPublishedSchema() throws Exception {
    UUID id = create(draft("UPR_JOINT", LocalDate.now().plusMonths(2), fidu(), "Text."));
    Schema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/contracts/submission-search-document.v1.schema.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }

    JsonNode document = searchDocument(id);

    assertThat(
            schema.validate(document).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getProperty()))
        .isEmpty();
    ObjectNode withoutReaders = document.deepCopy();
    withoutReaders.remove("readers");
    assertThat(schema.validate(withoutReaders)).isNotEmpty();
  }

  /** The latest change-feed document of the submission, as search-service reads it (opened). */
  JsonNode searchDocument(UUID id) {
    Long seq =
        jdbc.queryForObject(
            "select max(seq) from change_outbox where record_type = 'submission'"
                + " and record_id = ?",
            Long.class,
            id.toString());
    return outbox.after(seq - 1, 1).changes().get(0).document();
  }
}
