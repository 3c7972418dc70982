package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.person.PersonService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * After an upgrade, records whose feed document predates {@code readers} are published again, so
 * search, which refuses a document without readers, finds them once it rebuilds.
 */
class FeedUpgradeTest extends CasesIntegrationTest {

  @Autowired CaseService cases;
  @Autowired PersonService persons;

  @Test
  void aRecordPublishedBeforeReadersExistedIsPublishedAgainWithThem() throws Exception {
    MockHttpServletResponse created = send(ANNA, "POST", "/api/persons", null, CaseFlowTest.PERSON);
    assertThat(created.getStatus()).isEqualTo(201);
    long person = body(created).get("id").asLong();
    created =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            CaseFlowTest.caseBody(person, "COALITION", "Detention before the upgrade"));
    assertThat(created.getStatus()).isEqualTo(201);
    long caseId = body(created).get("id").asLong();
    // what an earlier version wrote: the same record, without readers
    for (String[] record :
        new String[][] {{"person", String.valueOf(person)}, {"case", String.valueOf(caseId)}}) {
      jdbc.update(
          "insert into change_outbox (record_type, record_id, operation, document)"
              + " values (?, ?, 'UPSERT', cast(? as jsonb))",
          record[0],
          record[1],
          "{\"ownerOrg\": \"odf\", \"visibility\": \"ORGANISATION\"}");
    }

    // a record another writer put into the feed, with an id that is none of ours, is left alone
    jdbc.update(
        "insert into change_outbox (record_type, record_id, operation, document)"
            + " values ('case', 'synthetic-1', 'UPSERT', cast('{}' as jsonb))");

    persons.publishReadersOfOlderDocuments();
    cases.publishReadersOfOlderDocuments();

    assertThat(latest("person", person).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@odf", "coordinator@odf");
    assertThat(latest("case", caseId).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
    Long outdated =
        jdbc.queryForObject(
            """
            select count(*) from change_outbox o
             where o.operation = 'UPSERT' and (o.document -> 'readers') is null
               and o.record_id <> 'synthetic-1'
               and not exists (select 1 from change_outbox later
                                where later.record_type = o.record_type
                                  and later.record_id = o.record_id and later.seq > o.seq)
            """,
            Long.class);
    assertThat(outdated).isZero();
  }

  private JsonNode latest(String type, long id) throws Exception {
    return json.readTree(
        jdbc.queryForObject(
            "select document::text from change_outbox where record_type = ? and record_id = ?"
                + " order by seq desc limit 1",
            String.class,
            type,
            String.valueOf(id)));
  }
}
