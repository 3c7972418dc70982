package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.person.PersonService;
import org.amicus.platform.changefeed.Change;
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

    assertThat(feedDocument("person", person).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@odf", "coordinator@odf");
    assertThat(feedDocument("case", caseId).get("readers"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
    // What a rebuild reads: every current document has readers, but the other writer's.
    List<String> withoutReaders = new ArrayList<>();
    for (Change change : outbox.snapshot(0, 5000).changes()) {
      if (!change.document().has("readers")) {
        withoutReaders.add(change.id());
      }
    }
    assertThat(withoutReaders).containsOnly("synthetic-1");
  }
}
