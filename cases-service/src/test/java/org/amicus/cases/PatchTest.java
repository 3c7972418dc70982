package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** JSON Merge Patch on persons and cases: only what is sent changes, checked like a PUT. */
class PatchTest extends CasesIntegrationTest {

  MockHttpServletResponse patch(String user, String path, String ifMatch, String body)
      throws Exception {
    var request =
        MockMvcRequestBuilders.patch(path)
            .contentType(MediaType.valueOf("application/merge-patch+json"))
            .content(body);
    if (ifMatch != null) {
      request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return call(user, request);
  }

  static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  void aPersonPatchChangesOnlyWhatItSendsAndNullClears() throws Exception {
    MockHttpServletResponse created = send(ANNA, "POST", "/api/persons", null, CaseFlowTest.PERSON);
    String path = "/api/persons/" + body(created).get("id").asLong();
    String etag = created.getHeader("ETag");

    MockHttpServletResponse patched =
        patch(ANNA, path, etag, "{\"region\": \"Астана\", \"birthYear\": null}");
    assertThat(patched.getStatus()).as(patched.getContentAsString()).isEqualTo(200);
    JsonNode p = body(patched);
    assertThat(p.get("region").asText()).isEqualTo("Астана");
    assertThat(p.has("birthYear")).isFalse();
    assertThat(p.get("originalName").asText()).isEqualTo("Джакишев Мухтар");
    assertThat(p.get("spellings")).hasSize(2);
    assertThat(p.get("contact").asText()).isEqualTo("+7 700 000 0000");
    assertThat(patched.getHeader("ETag")).isNotEqualTo(etag);

    // The ETag read before the patch is stale now: refused, nothing changed.
    assertThat(patch(ANNA, path, etag, "{\"region\": \"Алматы\"}").getStatus()).isEqualTo(412);
    assertThat(patch(ANNA, path, null, "{\"region\": \"Алматы\"}").getStatus()).isEqualTo(428);
    assertThat(body(getAs(ANNA, path)).get("region").asText()).isEqualTo("Астана");
    assertThat(patch(MARCO, path, patched.getHeader("ETag"), "{\"region\": \"X\"}").getStatus())
        .isEqualTo(404);
  }

  @Test
  void aPatchIsRefusedWhereAPutWouldBeNamingTheFields() throws Exception {
    MockHttpServletResponse created = send(ANNA, "POST", "/api/persons", null, CaseFlowTest.PERSON);
    String path = "/api/persons/" + body(created).get("id").asLong();
    String etag = created.getHeader("ETag");

    MockHttpServletResponse blank =
        patch(ANNA, path, etag, "{\"originalName\": null, \"pseudonym\": \"\"}");
    assertThat(blank.getStatus()).isEqualTo(400);
    assertThat(blank.getContentType()).isEqualTo("application/problem+json");
    assertThat(fields(body(blank))).containsExactly("originalName", "pseudonym");

    assertThat(fields(body(patch(ANNA, path, etag, "{\"birthYear\": \"old\"}"))))
        .containsExactly("birthYear");
    assertThat(fields(body(patch(ANNA, path, etag, "{\"birthYear\": 1800}"))))
        .containsExactly("birthYear");
    assertThat(fields(body(patch(ANNA, path, etag, "{\"visibility\": \"SECRET\"}"))))
        .containsExactly("visibility");
    assertThat(fields(body(patch(ANNA, path, etag, "{\"ownerOrg\": \"fidu\"}"))))
        .containsExactly("ownerOrg");
    assertThat(fields(body(patch(ANNA, path, etag, "[1, 2]")))).containsExactly("body");
    assertThat(fields(body(patch(ANNA, path, etag, "{\"spellings\": [\"\"]}"))))
        .containsExactly("spellings[0]");

    assertThat(getAs(ANNA, path).getHeader("ETag")).as("nothing was written").isEqualTo(etag);
  }

  @Test
  void aCasePatchSharesItAndKeepsItsRules() throws Exception {
    long person =
        body(send(ANNA, "POST", "/api/persons", null, CaseFlowTest.PERSON)).get("id").asLong();
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            CaseFlowTest.caseBody(person, "ORGANISATION", "Patched case"));
    String path = "/api/cases/" + body(created).get("id").asLong();
    assertThat(getAs(MARCO, path).getStatus()).isEqualTo(404);

    MockHttpServletResponse shared =
        patch(ANNA, path, created.getHeader("ETag"), "{\"visibility\": \"COALITION\"}");
    assertThat(shared.getStatus()).as(shared.getContentAsString()).isEqualTo(200);
    JsonNode c = body(shared);
    assertThat(c.get("title").asText()).isEqualTo("Patched case");
    assertThat(c.get("violations")).hasSize(2);
    assertThat(c.get("persons")).hasSize(1);
    assertThat(getAs(MARCO, path).getStatus()).isEqualTo(200);

    MockHttpServletResponse country =
        patch(ANNA, path, shared.getHeader("ETag"), "{\"country\": \"RU\"}");
    assertThat(country.getStatus()).isEqualTo(400);
    assertThat(fields(body(country))).containsExactly("country");

    List<String> actions = new ArrayList<>();
    body(getAs(ANNA, path + "/history")).forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsSubsequence("create", "update");
  }

  @Test
  void theApiDescriptionShowsPatchExportAndImport() throws Exception {
    JsonNode paths = body(getAs(ANONYMOUS, "/v3/api-docs")).get("paths");
    for (String kind : List.of("persons", "cases")) {
      assertThat(
              paths
                  .at("/~1api~1" + kind + "~1{id}/patch/requestBody/content")
                  .has("application/merge-patch+json"))
          .as("PATCH /api/%s/{id}", kind)
          .isTrue();
      assertThat(paths.at("/~1api~1" + kind + "~1export/get").isMissingNode()).isFalse();
      assertThat(paths.at("/~1api~1" + kind + "~1import/post").isMissingNode()).isFalse();
    }
  }
}
