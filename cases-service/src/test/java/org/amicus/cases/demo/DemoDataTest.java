package org.amicus.cases.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seed statement's facts, as the coalition's members see them after `amicus up`. */
class DemoDataTest extends CasesIntegrationTest {

  @Autowired DemoData demo;

  @BeforeEach
  void loadOnce() {
    if (!demo.present()) {
      demo.load();
    } else if (!demo.figuresPresent()) {
      demo.loadFigures();
    }
  }

  private JsonNode firstCase(String user, String q) throws Exception {
    JsonNode page = body(getAs(user, "/api/cases?sort=id,asc&q=" + q));
    assertThat(page.get("total").asLong()).as(q).isPositive();
    return body(getAs(user, "/api/cases/" + page.at("/items/0/id").asLong()));
  }

  @Test
  void theHumanRightsCommitteeViewOnDzhakishevIsIgnored() throws Exception {
    JsonNode c = firstCase(MARCO, "Dzhakishev");

    assertThat(c.get("demo").asBoolean()).isTrue();
    assertThat(c.get("ownerOrg").asText()).isEqualTo("odf");
    assertThat(c.at("/decisions/0/body").asText()).isEqualTo("HRC");
    assertThat(c.at("/decisions/0/compliance").asText()).isEqualTo("IGNORED");
    assertThat(c.at("/decisions/0/requestedRemedy").asText()).isEqualTo("Immediate release");
  }

  @Test
  void bilashIsBannedFromCivilSocietyWorkForSevenYears() throws Exception {
    JsonNode c = firstCase(ANNA, "Bilash");

    assertThat(c.get("ownerOrg").asText()).isEqualTo("kisr");
    assertThat(c.get("events").toString()).contains("SENTENCE_RESTRICTION_OF_ACTIVITIES");
    assertThat(c.get("events").findValues("termMonths").toString()).contains("84");
  }

  @Test
  void semenovasCaseIsClosedAndTheObserversStaysWithFidu() throws Exception {
    JsonNode semenova = firstCase(OLENA, "Semenova");
    assertThat(semenova.get("status").asText()).isEqualTo("CLOSED");
    assertThat(semenova.at("/charges/0/article").asText()).isEqualTo("274");

    assertThat(body(getAs(ANNA, "/api/cases?q=observer")).get("total").asLong()).isZero();
    assertThat(body(getAs(MARCO, "/api/cases?q=observer")).get("total").asLong()).isPositive();
  }

  @Test
  void theUnDecisionsAndDetentionsShowInTheFigures() throws Exception {
    JsonNode figures = body(getAs(CLARA, "/api/stats?country=KZ"));

    assertThat(figures.at("/unDecisions/byCompliance/IGNORED").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(figures.at("/currentlyDetained").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(figures.get("casesPerArticle").toString()).contains("\"article\":\"405\"");
    assertThat(figures.get("casesCounted").asLong())
        .as("the case records the figures are computed from")
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void theCitedRecommendationsAreThereWithTheirAssessment() throws Exception {
    JsonNode page =
        body(getAs(ANNA, "/api/recommendations?stateUnderReview=KZ&recommendingState=Netherlands"));

    assertThat(page.get("total").asLong()).isPositive();
    JsonNode r = page.at("/items/0");
    assertThat(r.get("implementation").asText()).isEqualTo("NOT_IMPLEMENTED");
    assertThat(r.get("evidenceCaseIds")).isNotEmpty();
    JsonNode figures = body(getAs(CLARA, "/api/stats?country=KZ"));
    assertThat(figures.at("/recommendations/byResponse/NOTED").asLong()).isPositive();
  }

  @Test
  void eachStateOfAStatementGroupIsItsOwnRecommendationLinkedByTheGroupsThemeAndMarkedUnverified()
      throws Exception {
    JsonNode page =
        body(
            getAs(
                ANNA,
                "/api/recommendations?stateUnderReview=KZ&size=100"
                    + "&theme=statement: review of the new criminal legislation"));

    // Australia, Austria, Ireland, Slovenia, USA, Finland, Czech Republic, Switzerland, Estonia
    assertThat(page.get("total").asLong()).isEqualTo(9);
    List<String> states = new ArrayList<>();
    for (JsonNode r : page.get("items")) {
      assertThat(r.get("recommendingStates")).hasSize(1);
      states.add(r.at("/recommendingStates/0").asText());
      // No public source confirmed a paragraph number: none is made up.
      assertThat(r.get("paragraph").asText()).startsWith("unverified-");
      assertThat(r.get("assessmentNote").asText()).contains("Unverified");
      assertThat(r.get("response").asText()).isEqualTo("NOTED");
    }
    assertThat(states).contains("Australia", "United States of America", "Estonia");

    JsonNode defamation =
        body(
            getAs(
                ANNA, "/api/recommendations?stateUnderReview=KZ&recommendingState=Japan&size=100"));
    assertThat(defamation.get("items").findValuesAsText("assessmentNote"))
        .anyMatch(note -> note.contains("Article 130"));
  }

  @Test
  void theStatementsOwnFiguresStandBesideTheComputedOnesWithTheirSource() throws Exception {
    JsonNode page = body(getAs(MARCO, "/api/stats/sourced?country=KZ&size=100"));
    List<String> figures = new ArrayList<>();
    page.get("items")
        .forEach(
            f -> {
              if (f.get("demo").asBoolean()) {
                figures.add(
                    f.get("qualifier").asText()
                        + " "
                        + f.path("value").asText()
                        + (f.hasNonNull("outOf") ? "/" + f.get("outOf").asText() : "")
                        + " "
                        + f.get("countedBy").asText());
              }
            });

    assertThat(figures)
        .contains(
            "AT_LEAST 21 Open Dialogue Foundation and Kazakhstani human rights activists",
            "EXACTLY 54 Open Dialogue Foundation and Kazakhstani human rights activists",
            "AT_LEAST 25/32 Open Dialogue Foundation",
            "MORE_THAN 99.8 Open Dialogue Foundation",
            "MORE_THAN 1400 Penal Reform International",
            "ABOUT 4000 Kazakhstani authorities (official data)",
            "MORE_THAN 6000 Open Dialogue Foundation",
            "MORE_THAN 230 Open Dialogue Foundation");
    JsonNode libel = body(getAs(ANNA, "/api/stats/sourced?legalArticle=130")).at("/items/0");
    assertThat(libel.get("label").asText()).contains("decriminalise defamation");
    assertThat(libel.hasNonNull("value")).as("a note, not a number").isFalse();
    assertThat(libel.get("sourceCitation").asText())
        .contains("Open Dialogue Foundation", "10 October 2019");
  }
}
