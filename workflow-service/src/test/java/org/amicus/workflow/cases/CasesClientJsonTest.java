package org.amicus.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The client reads cases-service's answers as they are (PersonView, CaseView), taking only what the
 * checks need, with the strict mapper every Amicus service uses.
 */
class CasesClientJsonTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void readsAPersonWithAllSpellingsAndConsentPerChannel() throws Exception {
    CasesClient.Person person =
        json.readValue(
            """
            {"id": 42, "originalName": "Макс Бокаев", "spellings": ["Maks Bokayev", "Max Bokaev"],
             "birthYear": 1972, "gender": "MALE", "pseudonym": "Activist B.", "ownerOrg": "odf",
             "visibility": "COALITION", "consent": {"UN": true, "EU": false, "PUBLIC": false},
             "consentHistory": [], "demo": false, "version": 3}
            """,
            CasesClient.Person.class);

    assertThat(person.names()).containsExactly("Макс Бокаев", "Maks Bokayev", "Max Bokaev");
    assertThat(person.consents("UN")).isTrue();
    assertThat(person.consents("EU")).isFalse();
    assertThat(person.pseudonym()).isEqualTo("Activist B.");
  }

  @Test
  void readsTheIdsOfThePersonsACaseConcernsAndItsRiskLevel() throws Exception {
    CasesClient.LinkedCase linked =
        json.readValue(
            """
            {"id": 7, "reference": "KZ-2019-0042", "title": "t", "country": "KZ",
             "riskLevel": "CRITICAL",
             "persons": [{"id": 42, "name": "Activist B.", "pseudonymised": true},
                         {"id": 43, "name": "Someone", "pseudonymised": false}],
             "charges": [], "events": [], "version": 1}
            """,
            CasesClient.LinkedCase.class);

    assertThat(linked.personIds()).containsExactly(42L, 43L);
    assertThat(linked.riskLevel()).isEqualTo("CRITICAL");
  }
}
