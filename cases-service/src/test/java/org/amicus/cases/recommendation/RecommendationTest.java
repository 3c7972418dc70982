package org.amicus.cases.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class RecommendationTest extends CasesIntegrationTest {

  private static final String HEADER =
      "stateUnderReview,cycle,session,reportSymbol,paragraph,recommendingStates,text,themes,response\n";

  /** A report symbol of its own, so runs against the same database never collide. */
  private final String report = "A/HRC/T/" + UUID.randomUUID().toString().substring(0, 8);

  private String recommendation(String paragraph) {
    return """
        {"stateUnderReview": "KZ", "cycle": 3, "session": 34, "reportSymbol": "%s",
         "paragraph": "%s", "recommendingStates": ["Norway"],
         "text": "Protect lawyers and human rights defenders", "themes": ["lawyers"],
         "response": "SUPPORTED"}
        """
        .formatted(report, paragraph);
  }

  private MockHttpServletResponse importCsv(String user, String csv, boolean dryRun)
      throws Exception {
    return call(
        user,
        MockMvcRequestBuilders.post("/api/recommendations/import?dryRun=" + dryRun)
            .contentType(MediaType.valueOf("text/csv"))
            .content(csv));
  }

  private long count() {
    return jdbc.queryForObject(
        "select count(*) from recommendation where report_symbol = ?", Long.class, report);
  }

  @Test
  void coordinatorsMaintainRecommendationsAndPartnersReadThem() throws Exception {
    MockHttpServletResponse created =
        send(CLARA, "POST", "/api/recommendations", null, recommendation("124.45"));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode r = body(created);
    assertThat(r.get("citation").asText()).isEqualTo("124.45 (Norway)");

    assertThat(getAs(ANNA, "/api/recommendations/" + r.get("id").asLong()).getStatus())
        .isEqualTo(200);
    assertThat(send(ANNA, "POST", "/api/recommendations", null, recommendation("1.1")).getStatus())
        .isEqualTo(403);
    assertThat(
            send(CLARA, "POST", "/api/recommendations", null, recommendation("124.45")).getStatus())
        .isEqualTo(400);
    assertThat(getAs(ADAM, "/api/recommendations").getStatus()).isEqualTo(403);

    MockHttpServletResponse assessed =
        send(
            CLARA,
            "PUT",
            "/api/recommendations/" + r.get("id").asLong() + "/assessment",
            created.getHeader("ETag"),
            "{\"implementation\": \"NOT_IMPLEMENTED\", \"note\": \"No change\"}");
    assertThat(assessed.getStatus()).as(assessed.getContentAsString()).isEqualTo(200);
    assertThat(body(assessed).get("implementation").asText()).isEqualTo("NOT_IMPLEMENTED");
    assertThat(
            send(
                    CLARA,
                    "PUT",
                    "/api/recommendations/" + r.get("id").asLong() + "/assessment",
                    created.getHeader("ETag"),
                    "{\"implementation\": \"IMPLEMENTED\"}")
                .getStatus())
        .isEqualTo(412);
  }

  @Test
  void aDryRunReportsEveryBadRowWithLineAndFieldAndWritesNothing() throws Exception {
    String csv =
        HEADER
            + "KZ,3,34,"
            + report
            + ",1.1,Norway;Spain,Protect lawyers,lawyers,SUPPORTED\n"
            + "KZ,five,34,"
            + report
            + ",1.2,Norway,Text,,SUPPORTED\n"
            + "KZ,3,34,"
            + report
            + ",1.3,,Text,,MAYBE\n"
            + "KZ,3,34,"
            + report
            + ",1.1,Chile,Duplicate,,NOTED\n";

    JsonNode report = body(importCsv(CLARA, csv, true));
    assertThat(report.get("dryRun").asBoolean()).isTrue();
    assertThat(report.get("rows").asInt()).isEqualTo(4);
    assertThat(report.get("errors").toString())
        .contains("{\"line\":3,\"field\":\"cycle\"")
        .contains("{\"line\":4,\"field\":\"response\"")
        .contains("{\"line\":4,\"field\":\"recommendingStates\"")
        .contains("{\"line\":5,\"field\":\"paragraph\"");
    assertThat(count()).isZero();

    MockHttpServletResponse refused = importCsv(CLARA, csv, false);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("line 3: cycle");
    assertThat(count()).isZero();
  }

  @Test
  void aCleanFileImportsWhole() throws Exception {
    String csv =
        HEADER
            + "KZ,3,34,"
            + report
            + ",2.1,Norway,\"Protect lawyers, and defenders\",lawyers,SUPPORTED\n"
            + "KZ,3,34,"
            + report
            + ",2.2,Belgium;Japan,Civil society space,civil society,NOTED\n";

    MockHttpServletResponse imported = importCsv(CLARA, csv, false);

    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat(body(imported).get("created").asInt()).isEqualTo(2);
    assertThat(count()).isEqualTo(2);
    assertThat(importCsv(ANNA, csv, true).getStatus()).isEqualTo(403);
  }
}
