package org.amicus.cases.figure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.cases.CasesIntegrationTest;
import org.amicus.platform.web.ProblemMessages;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A coalition member records a figure someone else counted, and reads it back with its source. */
class SourcedFigureTest extends CasesIntegrationTest {

  private static Map<String, Object> figure(String visibility) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("value", 1400);
    f.put("qualifier", "MORE_THAN");
    f.put("label", "cases of torture recorded each year");
    f.put("country", "KZ");
    f.put("refersFrom", "2019");
    f.put("countedBy", "Penal Reform International");
    f.put("sourceCitation", "Test statement, Brussels, 10 October 2019");
    f.put("sourceUrl", "https://example.org/statement");
    f.put("visibility", visibility);
    return f;
  }

  private List<String> audited(Object id) {
    return jdbc.queryForList(
        "select action from audit_log where record_type = 'figure' and record_id = ? order by seq",
        String.class,
        String.valueOf(id));
  }

  @Test
  void aPartnerRecordsReadsCorrectsAndDeletesAFigureAndEveryStepIsAudited() throws Exception {
    MockHttpServletResponse created =
        send(ANNA, "POST", "/api/stats/sourced", null, figure("COALITION"));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode f = body(created);
    long id = f.get("id").asLong();
    assertThat(created.getHeader("Location")).isEqualTo("/api/stats/sourced/" + id);
    assertThat(f.get("kind").asText()).isEqualTo("SOURCED");
    assertThat(f.get("value").asText()).isEqualTo("1400");
    assertThat(f.get("qualifier").asText()).isEqualTo("MORE_THAN");
    assertThat(f.get("unit").asText()).isEqualTo("COUNT");
    assertThat(f.get("countedBy").asText()).isEqualTo("Penal Reform International");
    assertThat(f.get("ownerOrg").asText()).isEqualTo("odf");

    MockHttpServletResponse read = getAs(MARCO, "/api/stats/sourced/" + id);
    assertThat(read.getStatus()).isEqualTo(200);
    assertThat(body(read).get("editable").asBoolean()).isFalse();
    assertThat(body(getAs(MARCO, "/api/stats/sourced?country=kz&size=100")).get("items"))
        .anySatisfy(item -> assertThat(item.get("id").asLong()).isEqualTo(id));

    Map<String, Object> corrected = figure("COALITION");
    corrected.put("value", 1450.5);
    MockHttpServletResponse stale =
        send(ANNA, "PUT", "/api/stats/sourced/" + id, "\"-1\"", corrected);
    assertThat(stale.getStatus()).isEqualTo(412);
    MockHttpServletResponse updated =
        send(ANNA, "PUT", "/api/stats/sourced/" + id, created.getHeader("ETag"), corrected);
    assertThat(updated.getStatus()).as(updated.getContentAsString()).isEqualTo(200);
    assertThat(body(updated).get("value").asText()).isEqualTo("1450.5");
    assertThat(send(MARCO, "PUT", "/api/stats/sourced/" + id, "*", corrected).getStatus())
        .isEqualTo(403);

    MockHttpServletResponse deleted =
        send(ANNA, "DELETE", "/api/stats/sourced/" + id, updated.getHeader("ETag"), null);
    assertThat(deleted.getStatus()).isEqualTo(204);
    assertThat(getAs(ANNA, "/api/stats/sourced/" + id).getStatus()).isEqualTo(404);

    assertThat(audited(id)).containsExactly("create", "read", "update", "delete");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_log where record_type = 'figure' and action = 'list'",
                Long.class))
        .isPositive();
  }

  @Test
  void anOrganisationsOwnFigureIsHiddenFromOtherOrganisations() throws Exception {
    long id =
        body(send(ANNA, "POST", "/api/stats/sourced", null, figure("ORGANISATION")))
            .get("id")
            .asLong();

    assertThat(getAs(MARCO, "/api/stats/sourced/" + id).getStatus()).isEqualTo(404);
    assertThat(send(MARCO, "DELETE", "/api/stats/sourced/" + id, "*", null).getStatus())
        .isEqualTo(404);
    assertThat(body(getAs(MARCO, "/api/stats/sourced?size=100")).get("items"))
        .noneSatisfy(item -> assertThat(item.get("id").asLong()).isEqualTo(id));
    assertThat(getAs(ANNA, "/api/stats/sourced/" + id).getStatus()).isEqualTo(200);
    assertThat(getAs(ADAM, "/api/stats/sourced/" + id).getStatus()).isEqualTo(403);
  }

  @Test
  void badInputIsRefusedNamingEveryField() throws Exception {
    Map<String, Object> missing = figure("COALITION");
    missing.remove("label");
    missing.remove("countedBy");
    missing.put("refersFrom", "October 2019");
    missing.put("sourceUrl", "javascript:alert(1)");
    assertThat(fields(send(ANNA, "POST", "/api/stats/sourced", null, missing)))
        .contains("label", "countedBy", "refersFrom", "sourceUrl");

    Map<String, Object> inconsistent = figure("COALITION");
    inconsistent.put("unit", "PERCENT");
    inconsistent.put("value", 180);
    inconsistent.put("refersFrom", "2019-02-30");
    inconsistent.put("refersTo", "2018");
    assertThat(fields(send(ANNA, "POST", "/api/stats/sourced", null, inconsistent)))
        .contains("value", "refersFrom");

    Map<String, Object> backwards = figure("COALITION");
    backwards.put("value", 33);
    backwards.put("outOf", 32);
    backwards.put("refersFrom", "2019-10");
    backwards.put("refersTo", "2019-02");
    assertThat(fields(send(ANNA, "POST", "/api/stats/sourced", null, backwards)))
        .contains("value", "refersTo");
  }

  @Test
  void figuresGoOutAsCsvAndComeBackAllOrNothing() throws Exception {
    String marker = "csv-" + System.nanoTime();
    Map<String, Object> f = figure("COALITION");
    f.put("label", marker);
    f.put("value", 99.8);
    f.put("unit", "PERCENT");
    send(ANNA, "POST", "/api/stats/sourced", null, f);

    MockHttpServletResponse export = getAs(ANNA, "/api/stats/sourced/export?country=KZ");
    assertThat(export.getStatus()).isEqualTo(200);
    String csv = export.getContentAsString();
    String header = csv.lines().findFirst().orElseThrow();
    assertThat(header)
        .endsWith(
            "id,ownerOrg,value,qualifier,outOf,unit,label,country,legalArticle,"
                + "refersFrom,refersTo,countedBy,sourceCitation,sourceUrl,visibility");
    String row = csv.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    assertThat(row).contains(",99.8,MORE_THAN,", "Penal Reform International");
    assertThat(audited("*")).contains("export");

    String again = header + "\r\n" + row.replace(marker, marker + "-again") + "\r\n";
    String bad = again + row.replace(marker, marker + "-bad").replace(",99.8,", ",lots,") + "\r\n";
    MockHttpServletResponse refused = importCsv(bad, false);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("line 3: value");
    assertThat(getAs(ANNA, "/api/stats/sourced/export").getContentAsString())
        .doesNotContain(marker + "-again");

    MockHttpServletResponse imported = importCsv(again, false);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat(body(imported).get("created").asInt()).isEqualTo(1);
    assertThat(getAs(MARCO, "/api/stats/sourced/export").getContentAsString())
        .contains(marker + "-again");
  }

  private MockHttpServletResponse importCsv(String csv, boolean dryRun) throws Exception {
    return call(
        ANNA,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/stats/sourced/import")
            .param("dryRun", String.valueOf(dryRun))
            .contentType(org.springframework.http.MediaType.valueOf("text/csv"))
            .content(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private List<String> fields(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    List<String> fields = new ArrayList<>();
    body(response).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private JsonNode refusal(String language, Map<String, Object> figure) throws Exception {
    var request =
        MockMvcRequestBuilders.post("/api/stats/sourced")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(figure));
    if (language != null) {
      request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    MockHttpServletResponse response = call(ANNA, request);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    return body(response);
  }

  @Test
  void aRefusedFigureIsExplainedInTheCallersLanguageWithTheSameFieldsAndType() throws Exception {
    assertThat(ProblemMessages.load().gaps()).as("every problem text in en, ru and kk").isEmpty();
    Map<String, Object> bad = figure("COALITION");
    bad.put("label", " ");
    bad.put("country", "Kazakhstan");
    bad.put("refersFrom", "2019/05");

    JsonNode en = refusal(null, bad);
    JsonNode ru = refusal("ru-RU,ru;q=0.9,en;q=0.5", bad);
    JsonNode kk = refusal("kk", bad);

    assertThat(en.get("detail").asText()).isEqualTo("The request has invalid fields");
    assertThat(en.findValuesAsText("message")).contains("must not be blank");
    for (JsonNode translated : List.of(ru, kk)) {
      assertThat(translated.get("type")).isEqualTo(en.get("type"));
      assertThat(translated.findValuesAsText("field"))
          .containsExactlyInAnyOrderElementsOf(en.findValuesAsText("field"));
    }
    assertThat(ru.get("detail").asText()).isEqualTo("В запросе есть недопустимые поля");
    assertThat(ru.findValuesAsText("message"))
        .contains(
            "не должно быть пустым",
            "должно быть кодом ISO 3166 alpha-2, например KZ",
            "должно быть в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД");
    assertThat(kk.get("detail").asText()).isEqualTo("Сұрауда жарамсыз өрістер бар");
    assertThat(kk.findValuesAsText("message"))
        .contains(
            "бос болмауы керек",
            "ISO 3166 alpha-2 коды болуы керек, мысалы KZ",
            "ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК түрінде болуы керек");
    assertThat(refusal("de", bad).get("detail").asText()).isEqualTo(en.get("detail").asText());
  }
}
