package org.amicus.cases.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;

/** Figures move with the data, and only over what the caller may read. */
class StatsTest extends CasesIntegrationTest {

  private long person(String name) throws Exception {
    return body(send(
            ANNA,
            "POST",
            "/api/persons",
            null,
            """
                {"originalName": "%s", "pseudonym": "P", "visibility": "ORGANISATION"}
                """
                .formatted(name)))
        .get("id")
        .asLong();
  }

  private void add(String path, String body) throws Exception {
    assertThat(send(ANNA, "POST", path, null, body).getStatus()).isEqualTo(201);
  }

  @Test
  void theFiguresComeFromTheCasesTheCallerMayRead() throws Exception {
    JsonNode annaBefore = body(getAs(ANNA, "/api/stats?country=KZ"));
    JsonNode marcoBefore = body(getAs(MARCO, "/api/stats?country=KZ"));

    long released = person("Released protester");
    long sentenced = person("Sentenced activist");
    long id =
        body(send(
                ANNA,
                "POST",
                "/api/cases",
                null,
                """
                    {"title": "June rally", "country": "KZ", "year": 2019,
                     "personIds": [%d, %d], "status": "OPEN", "riskLevel": "HIGH",
                     "visibility": "ORGANISATION"}
                    """
                    .formatted(released, sentenced)))
            .get("id")
            .asLong();
    String path = "/api/cases/" + id;
    add(path + "/events", "{\"type\": \"DETENTION\", \"date\": \"2019-06-10\"}");
    add(
        path + "/events",
        "{\"type\": \"RELEASE\", \"date\": \"2019-06-20\", \"personId\": " + released + "}");
    add(
        path + "/events",
        "{\"type\": \"SENTENCE_CUSTODIAL\", \"date\": \"2019-12\", \"personId\": "
            + sentenced
            + "}");
    add(path + "/charges", "{\"article\": \"405\", \"personId\": " + sentenced + "}");
    add(
        path + "/decisions",
        "{\"body\": \"WGAD\", \"reference\": \"Opinion No. 1/2020\", \"compliance\": \"IGNORED\"}");

    JsonNode anna = body(getAs(ANNA, "/api/stats?country=KZ"));
    assertThat(delta(anna, annaBefore, "/currentlyDetained")).isEqualTo(1);
    assertThat(delta(anna, annaBefore, "/prosecuted")).isEqualTo(1);
    assertThat(month(anna, "2019-06") - month(annaBefore, "2019-06")).isEqualTo(2);
    assertThat(article(anna, "405") - article(annaBefore, "405")).isEqualTo(1);
    assertThat(delta(anna, annaBefore, "/unDecisions/byCompliance/IGNORED")).isEqualTo(1);
    assertThat(delta(anna, annaBefore, "/unDecisions/total")).isEqualTo(1);

    JsonNode marco = body(getAs(MARCO, "/api/stats?country=KZ"));
    assertThat(marco.at("/currentlyDetained").asLong())
        .isEqualTo(marcoBefore.at("/currentlyDetained").asLong());
    assertThat(marco.at("/unDecisions/total").asLong())
        .isEqualTo(marcoBefore.at("/unDecisions/total").asLong());

    assertThat(getAs(ADAM, "/api/stats").getStatus()).isEqualTo(403);
  }

  private static long delta(JsonNode after, JsonNode before, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  private static long month(JsonNode figures, String month) {
    for (JsonNode m : figures.get("detentionsPerMonth")) {
      if (m.get("month").asText().equals(month)) {
        return m.get("detentions").asLong();
      }
    }
    return 0;
  }

  private static long article(JsonNode figures, String number) {
    for (JsonNode a : figures.get("casesPerArticle")) {
      if (a.get("article").asText().equals(number)) {
        return a.get("cases").asLong();
      }
    }
    return 0;
  }
}
