package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The case list finds a case by each of its filters, and not by a filter it does not match. */
class CaseListFiltersTest extends CasesIntegrationTest {

  @Test
  void eachFilterFindsTheCaseItMatchesAndNoOther() throws Exception {
    MockHttpServletResponse person = send(ANNA, "POST", "/api/persons", null, CaseFlowTest.PERSON);
    assertThat(person.getStatus()).isEqualTo(201);
    long personId = body(person).get("id").asLong();
    JsonNode created =
        body(
            send(
                ANNA,
                "POST",
                "/api/cases",
                null,
                CaseFlowTest.caseBody(personId, "ORGANISATION", "Filtered case")));
    long id = created.get("id").asLong();
    String reference = created.get("reference").asText();

    assertThat(ids("/api/cases?personId=" + personId)).containsExactly(id);
    assertThat(ids("/api/cases?q=" + reference + "&violation=UNFAIR_TRIAL&status=OPEN"))
        .containsExactly(id);
    assertThat(ids("/api/cases?q=" + reference + "&country=kz&year=2019&riskLevel=HIGH"))
        .containsExactly(id);
    assertThat(ids("/api/cases?q=" + reference + "&ownerOrg=odf&visibility=ORGANISATION"))
        .containsExactly(id);
    assertThat(ids("/api/cases?q=" + reference + "&violation=TORTURE_OR_ILL_TREATMENT")).isEmpty();
    assertThat(ids("/api/cases?q=" + reference + "&status=CLOSED")).isEmpty();
  }

  private List<Long> ids(String path) throws Exception {
    MockHttpServletResponse page = getAs(ANNA, path + "&size=100");
    assertThat(page.getStatus()).as(path).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    body(page).get("items").forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }
}
