package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The "done when" flow, end to end with real tokens and a real database. */
class CaseFlowTest extends CasesIntegrationTest {

  static final String PERSON =
      """
      {"originalName": "Джакишев Мухтар", "spellings": ["Dzhakishev", "Jakishev"],
       "birthYear": 1963, "gender": "MALE", "region": "Almaty", "occupation": "POLITICIAN",
       "contact": "+7 700 000 0000", "pseudonym": "M.D.", "visibility": "ORGANISATION"}
      """;

  static String caseBody(long personId, String visibility, String title) {
    return """
        {"title": "%s", "summary": "Imprisoned manager", "country": "KZ", "year": 2019,
         "personIds": [%d], "violations": ["ARBITRARY_DETENTION", "UNFAIR_TRIAL"],
         "status": "OPEN", "riskLevel": "HIGH", "visibility": "%s"}
        """
        .formatted(title, personId, visibility);
  }

  long createPerson(String user, String body) throws Exception {
    MockHttpServletResponse created = send(user, "POST", "/api/persons", null, body);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return body(created).get("id").asLong();
  }

  @Test
  void aPartnerDocumentsACaseSharesItAndEveryStepIsAudited() throws Exception {
    long person = createPerson(ANNA, PERSON);
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            caseBody(person, "ORGANISATION", "Detention of M.D."));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode c = body(created);
    long id = c.get("id").asLong();
    String path = "/api/cases/" + id;
    assertThat(c.get("reference").asText()).matches("KZ-2019-\\d{4,}");
    assertThat(c.get("ownerOrg").asText()).isEqualTo("odf");

    assertThat(
            send(
                    ANNA,
                    "POST",
                    path + "/charges",
                    null,
                    "{\"article\": \"405\", \"date\": \"2019-07\"}")
                .getStatus())
        .isEqualTo(201);
    assertThat(
            send(
                    ANNA,
                    "POST",
                    path + "/events",
                    null,
                    """
                    {"type": "DETENTION", "date": "2019-06", "place": "Almaty",
                     "perpetrator": "Police", "reliability": "CONFIRMED"}
                    """)
                .getStatus())
        .isEqualTo(201);
    MockHttpServletResponse decided =
        send(
            ANNA,
            "POST",
            path + "/decisions",
            null,
            """
            {"body": "HRC", "reference": "CCPR/C/125/D/2304/2013", "date": "2019-03-25",
             "finding": "Violation of arts. 7, 9, 10, 14", "requestedRemedy": "Immediate release",
             "compliance": "IGNORED", "personId": %d}
            """
                .formatted(person));
    assertThat(decided.getStatus()).as(decided.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse read = getAs(ANNA, path);
    assertThat(read.getStatus()).isEqualTo(200);
    JsonNode full = body(read);
    assertThat(full.at("/charges/0/article").asText()).isEqualTo("405");
    assertThat(full.at("/charges/0/title").asText()).startsWith("Participation in the activities");
    assertThat(full.at("/events/0/date").asText()).isEqualTo("2019-06");
    assertThat(full.at("/decisions/0/compliance").asText()).isEqualTo("IGNORED");
    assertThat(full.at("/persons/0/name").asText()).isEqualTo("Джакишев Мухтар");
    String etag = read.getHeader("ETag");
    assertThat(etag).isEqualTo("\"" + full.get("version").asLong() + "\"");

    // Another organisation cannot even learn that the case exists while it is ORGANISATION.
    assertThat(getAs(MARCO, path).getStatus()).isEqualTo(404);
    assertThat(
            body(getAs(MARCO, "/api/cases?size=100&q=" + c.get("reference").asText()))
                .get("total")
                .asLong())
        .isZero();

    MockHttpServletResponse shared =
        send(ANNA, "PUT", path, etag, caseBody(person, "COALITION", "Detention of M.D."));
    assertThat(shared.getStatus()).as(shared.getContentAsString()).isEqualTo(200);
    String sharedEtag = shared.getHeader("ETag");
    assertThat(sharedEtag).isNotEqualTo(etag);

    MockHttpServletResponse marcoReads = getAs(MARCO, path);
    assertThat(marcoReads.getStatus()).isEqualTo(200);
    // The person stays the owner's: marco sees the pseudonym, never the name or the contact.
    assertThat(body(marcoReads).at("/persons/0/name").asText()).isEqualTo("M.D.");
    assertThat(marcoReads.getContentAsString()).doesNotContain("+7 700").doesNotContain("Джакишев");
    assertThat(getAs(MARCO, "/api/persons/" + person).getStatus()).isEqualTo(404);
    // Readers outside the owner organisation may not change it.
    assertThat(send(MARCO, "PUT", path, sharedEtag, caseBody(person, "PUBLIC", "x")).getStatus())
        .isEqualTo(403);

    // A stale write is refused and changes nothing; a write without If-Match too.
    MockHttpServletResponse stale =
        send(ANNA, "PUT", path, etag, caseBody(person, "COALITION", "Overwritten"));
    assertThat(stale.getStatus()).isEqualTo(412);
    assertThat(stale.getContentType()).isEqualTo("application/problem+json");
    assertThat(
            send(ANNA, "PUT", path, null, caseBody(person, "COALITION", "Overwritten")).getStatus())
        .isEqualTo(428);
    assertThat(body(getAs(ANNA, path)).get("title").asText()).isEqualTo("Detention of M.D.");

    // The owner sees each step in the history; the chain verifies.
    JsonNode history = body(getAs(ANNA, path + "/history"));
    List<String> actions = new ArrayList<>();
    history.forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions)
        .containsSubsequence("create", "charge.add", "event.add", "decision.add", "read", "update")
        .contains("read");
    assertThat(history.get(0).get("username").asText()).isEqualTo("anna");
    assertThat(history.get(0).get("organisation").asText()).isEqualTo("odf");
    assertThat(getAs(MARCO, path + "/history").getStatus()).isEqualTo(403);

    JsonNode verification = body(getAs(CLARA, "/api/cases/audit/verify"));
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();

    // The search document carries the ACL fields and the article, never contact data; it is
    // stored sealed and opened for the feed's readers.
    long seq =
        jdbc.queryForObject(
            "select max(seq) from change_outbox where record_type = 'case' and record_id = ?",
            Long.class,
            String.valueOf(id));
    byte[] stored =
        jdbc.queryForObject(
            "select document_sealed from change_outbox where seq = ?", byte[].class, seq);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("COALITION");
    JsonNode doc = outbox.after(seq - 1, 1).changes().get(0).document();
    String document = doc.toString();
    assertThat(doc.get("ownerOrg").asText()).isEqualTo("odf");
    assertThat(doc.get("visibility").asText()).isEqualTo("COALITION");
    // shared with the coalition: every partner and coordinator finds it in search
    assertThat(doc.get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
    assertThat(doc.at("/articles/0/number").asText()).isEqualTo("405");
    // the person stays private to its organisation, in search as in the API
    JsonNode personDoc = feedDocument("person", person);
    assertThat(personDoc.get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@odf", "coordinator@odf");
    assertThat(document).doesNotContain("+7 700").doesNotContain("Джакишев");
  }

  @Test
  void workflowServiceReadsLinkedCasesAndConsentButChangesNothingAndSeesNoContacts()
      throws Exception {
    long person = createPerson(ANNA, PERSON);
    MockHttpServletResponse created =
        send(ANNA, "POST", "/api/cases", null, caseBody(person, "ORGANISATION", "Own case"));
    String path = "/api/cases/" + body(created).get("id").asLong();

    MockHttpServletResponse read = getAs(WORKFLOW, path);
    assertThat(read.getStatus()).isEqualTo(200);
    MockHttpServletResponse personRead = getAs(WORKFLOW, "/api/persons/" + person);
    assertThat(personRead.getStatus()).isEqualTo(200);
    assertThat(body(personRead).has("consent")).isTrue();
    assertThat(personRead.getContentAsString()).doesNotContain("+7 700");
    assertThat(
            send(WORKFLOW, "PUT", path, read.getHeader("ETag"), caseBody(person, "PUBLIC", "x"))
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void anAdminSeesNoCaseContent() throws Exception {
    long person = createPerson(ANNA, PERSON);
    long id =
        body(send(ANNA, "POST", "/api/cases", null, caseBody(person, "PUBLIC", "Public case")))
            .get("id")
            .asLong();

    assertThat(getAs(ADAM, "/api/cases/" + id).getStatus()).isEqualTo(403);
    assertThat(getAs(ADAM, "/api/cases").getStatus()).isEqualTo(403);
    assertThat(getAs(ADAM, "/api/persons/" + person).getStatus()).isEqualTo(403);
    assertThat(getAs(ADAM, "/api/cases/audit/verify").getStatus()).isEqualTo(200);
  }

  @Test
  void badInputNamesEveryFieldAndWritesNothing() throws Exception {
    long person = createPerson(ANNA, PERSON);
    Long casesBefore = jdbc.queryForObject("select count(*) from case_file", Long.class);
    Long outboxBefore = jdbc.queryForObject("select count(*) from change_outbox", Long.class);

    MockHttpServletResponse bad =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            """
            {"title": " ", "country": "XX", "personIds": [%d, 987654321],
             "status": "OPEN", "riskLevel": "HIGH"}
            """
                .formatted(person));

    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).as("problem").contains("errors");
    assertThat(bad.getContentType()).isEqualTo("application/problem+json");
    List<String> fields = new ArrayList<>();
    body(bad).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains("title", "visibility");

    MockHttpServletResponse unknownCountry =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            caseBody(person, "ORGANISATION", "t").replace("\"KZ\"", "\"XX\""));
    assertThat(unknownCountry.getStatus()).isEqualTo(400);
    assertThat(unknownCountry.getContentAsString()).contains("\"country\"");

    MockHttpServletResponse wrongEnum =
        send(ANNA, "POST", "/api/cases", null, caseBody(person, "SECRET", "t"));
    assertThat(wrongEnum.getStatus()).isEqualTo(400);
    assertThat(wrongEnum.getContentAsString()).contains("visibility");

    assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class))
        .isEqualTo(casesBefore);

    long id =
        body(send(ANNA, "POST", "/api/cases", null, caseBody(person, "ORGANISATION", "Valid")))
            .get("id")
            .asLong();
    outboxBefore = jdbc.queryForObject("select count(*) from change_outbox", Long.class);
    MockHttpServletResponse badCharge =
        send(ANNA, "POST", "/api/cases/" + id + "/charges", null, "{\"article\": \"999\"}");
    assertThat(badCharge.getStatus()).isEqualTo(400);
    assertThat(badCharge.getContentAsString()).contains("\"article\"");
    MockHttpServletResponse badDate =
        send(
            ANNA,
            "POST",
            "/api/cases/" + id + "/events",
            null,
            "{\"type\": \"ARREST\", \"date\": \"2019-02-30\", \"personId\": 1}");
    assertThat(badDate.getStatus()).isEqualTo(400);
    assertThat(badDate.getContentAsString()).contains("\"date\"").contains("\"personId\"");
    assertThat(getAs(ANNA, "/api/cases?size=101").getStatus()).isEqualTo(400);
    assertThat(getAs(ANNA, "/api/cases?sort=secret").getContentAsString()).contains("\"sort\"");

    assertThat(jdbc.queryForObject("select count(*) from change_outbox", Long.class))
        .isEqualTo(outboxBefore);
    assertThat(body(getAs(ANNA, "/api/cases/" + id)).get("charges")).isEmpty();
  }

  @Test
  void contactDataIsForTheOwnerOrganisationOnly() throws Exception {
    long person = createPerson(ANNA, PERSON.replace("\"ORGANISATION\"", "\"COALITION\""));

    assertThat(body(getAs(ANNA, "/api/persons/" + person)).get("contact").asText())
        .isEqualTo("+7 700 000 0000");
    JsonNode seenByMarco = body(getAs(MARCO, "/api/persons/" + person));
    assertThat(seenByMarco.has("contact")).isFalse();
    assertThat(seenByMarco.get("spellings").toString()).contains("Jakishev");
  }

  @Test
  void consentIsRecordedPerChannelWithItsHistory() throws Exception {
    long person = createPerson(ANNA, PERSON);
    String path = "/api/persons/" + person + "/consents";

    send(
        ANNA,
        "POST",
        path,
        null,
        "{\"channel\": \"UN\", \"granted\": true, \"date\": \"2019-05-01\"}");
    MockHttpServletResponse withdrawn =
        send(
            ANNA,
            "POST",
            path,
            null,
            "{\"channel\": \"UN\", \"granted\": false, \"date\": \"2019-09-01\"}");

    JsonNode p = body(withdrawn);
    assertThat(p.at("/consent/UN").asBoolean()).isFalse();
    assertThat(p.get("consentHistory")).hasSize(2);
    assertThat(p.at("/consentHistory/0/recordedBy").asText()).isEqualTo("anna");
  }
}
