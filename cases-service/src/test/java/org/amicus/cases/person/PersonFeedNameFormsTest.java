package org.amicus.cases.person;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * search-service's name matcher protects a person in everything that leaves Amicus, so the person
 * feed carries every recorded form, even where the searchable names are reduced to the pseudonym.
 */
class PersonFeedNameFormsTest extends CasesIntegrationTest {

  @Test
  void thePersonFeedCarriesEveryNameFormWhileSearchableNamesStayReduced() throws Exception {
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/persons",
            null,
            """
            {"originalName": "Билаш Серикжан", "spellings": ["Serikzhan Bilash", "Bilash"],
             "pseudonym": "S.B.", "visibility": "PUBLIC"}
            """);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    long id = body(created).get("id").asLong();

    JsonNode doc = feedDocument("person", id);

    List<String> forms = new ArrayList<>();
    doc.get("nameForms").forEach(f -> forms.add(f.asText()));
    assertThat(forms).containsExactly("Билаш Серикжан", "Serikzhan Bilash", "Bilash");
    // public without consent to be named publicly: search indexes the pseudonym only
    assertThat(doc.get("names").toString()).doesNotContain("Bilash");
    assertThat(doc.toString()).doesNotContain("contact");
  }
}
