package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The audited case read is the API's busiest call: it loads a case with its parts in a fixed number
 * of queries, however many parts the case has (no query per part, per article or per person).
 */
class CaseReadQueriesTest extends CasesIntegrationTest {

  @Autowired EntityManagerFactory entityManagers;

  @Test
  void aCaseWithManyPartsIsReadInAsManyQueriesAsACaseWithOneOfEach() throws Exception {
    long few = caseWithParts(1);
    long many = caseWithParts(3);

    long fewQueries = queriesToRead(few);
    long manyQueries = queriesToRead(many);

    assertThat(manyQueries).isEqualTo(fewQueries);
    // the case with its charges and their articles, then one query per other collection
    // (violations, persons, events, decisions, representations) and one for the persons' names
    assertThat(fewQueries).isLessThanOrEqualTo(7);
    JsonNode read = body(getAs(ANNA, "/api/cases/" + many));
    assertThat(read.get("charges")).hasSize(3);
    assertThat(read.get("events")).hasSize(3);
    assertThat(read.get("decisions")).hasSize(3);
    assertThat(read.get("representations")).hasSize(3);
  }

  /**
   * A create checks, publishes and shows the persons it names: they are loaded once, not once for
   * each step. Naming a person costs its load, its spellings for the search document and the case's
   * link to it, however often the create looks at it.
   */
  @Test
  void aCaseCreateLoadsThePersonsItNamesOnce() throws Exception {
    long person = created("/api/persons", CaseFlowTest.PERSON);
    String withPerson = CaseFlowTest.caseBody(person, "COALITION", "Names a person");
    String withoutPerson = withPerson.replace("[" + person + "]", "[]");

    long statementsWithout = statementsToCreate(withoutPerson);
    long statementsWith = statementsToCreate(withPerson);

    assertThat(statementsWith - statementsWithout)
        .as(
            "statements for naming one person (%d with, %d without)",
            statementsWith, statementsWithout)
        .isLessThanOrEqualTo(3);
  }

  private long statementsToCreate(String body) throws Exception {
    Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    statistics.clear();
    MockHttpServletResponse created = send(ANNA, "POST", "/api/cases", null, body);
    long statements = statistics.getPrepareStatementCount();
    statistics.setStatisticsEnabled(false);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return statements;
  }

  /** Filters and paging bound as parameter objects still name the parameter they refuse. */
  @Test
  void aFilterOrPageThatIsNotOfItsTypeIsRefusedNamingIt() throws Exception {
    assertRefused("/api/cases?status=SOLVED", "status", "must be a valid Status");
    assertRefused("/api/cases?page=first", "page", "must be a valid Integer");
  }

  private void assertRefused(String path, String field, String message) throws Exception {
    MockHttpServletResponse refused = getAs(ANNA, path);

    assertThat(refused.getStatus()).isEqualTo(400);
    JsonNode errors = body(refused).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly(field);
    assertThat(errors.findValuesAsText("message")).containsExactly(message);
  }

  private long queriesToRead(long caseId) throws Exception {
    Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    statistics.clear();
    MockHttpServletResponse read = getAs(ANNA, "/api/cases/" + caseId);
    long queries = statistics.getPrepareStatementCount();
    statistics.setStatisticsEnabled(false);
    assertThat(read.getStatus()).isEqualTo(200);
    return queries;
  }

  /** A case with {@code n} parts of each kind, each charge under another article. */
  private long caseWithParts(int n) throws Exception {
    long person = created("/api/persons", CaseFlowTest.PERSON);
    long caseId =
        created("/api/cases", CaseFlowTest.caseBody(person, "ORGANISATION", "Parts of a case"));
    String[] articles = {"405", "174", "400"};
    for (int i = 0; i < n; i++) {
      add(
          caseId,
          "charges",
          "{\"article\": \"%s\", \"personId\": %d}".formatted(articles[i], person));
      add(
          caseId,
          "events",
          "{\"type\": \"ARREST\", \"date\": \"2020-0%d\", \"personId\": %d}"
              .formatted(i + 1, person));
      add(
          caseId,
          "decisions",
          "{\"body\": \"WGAD\", \"reference\": \"Opinion %d/2021\", \"compliance\": \"IGNORED\"}"
              .formatted(i + 1));
      add(
          caseId,
          "representations",
          "{\"personId\": %d, \"organisation\": \"odf\", \"grantedOn\": \"2021-01-0%d\"}"
              .formatted(person, i + 1));
    }
    return caseId;
  }

  private void add(long caseId, String parts, String body) throws Exception {
    MockHttpServletResponse added =
        send(ANNA, "POST", "/api/cases/" + caseId + "/" + parts, null, body);
    assertThat(added.getStatus()).as(parts).isEqualTo(201);
  }

  private long created(String path, String body) throws Exception {
    MockHttpServletResponse created = send(ANNA, "POST", path, null, body);
    assertThat(created.getStatus()).as(path).isEqualTo(201);
    return body(created).get("id").asLong();
  }
}
