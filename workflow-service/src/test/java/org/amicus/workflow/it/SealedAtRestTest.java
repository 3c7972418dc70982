package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.KeyRotation;
import org.amicus.platform.security.Role;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.workflow.WorkflowApplication;
import org.amicus.workflow.encryption.SealedColumns;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a dump of the workflow database holds of a submission that went all the way (reviewed,
 * returned with a comment, escalated, approved, sent, acknowledged): none of its words in the
 * clear, neither in workflow's tables and change feed nor in Camunda's; the API still shows them
 * all.
 */
@SpringBootTest(properties = "amicus.dispatch.addresses.OHCHR_UPR=upr-sealed@ohchr.example")
@AutoConfigureMockMvc
@Import(WorkflowTestSupport.Cases.class)
class SealedAtRestTest extends SubmissionApiTest {

  static final String TITLE = "Quarzite lanterns of Ubrekistan";
  static final String HEADING = "Velmorra heading";
  static final String TEXT = "Tessellated grievances about the Orvandel ministry.";
  static final String PROPOSAL = "Dismantle the Orvandel registry";
  static final String COMMENT = "Shorten the Quarzite paragraph please";
  static final String FOLLOW_UP = "Nudged the reviewer about Quarzite";
  static final String REFERENCE = "OHCHR-QZ-58817";

  /** Distinctive words of every text the submission's people wrote. */
  static final List<String> WORDS =
      List.of(
          "Quarzite", "Ubrekistan", "Velmorra", "Tessellated", "Orvandel", "OHCHR-QZ", "Nudged");

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    realDependencies(registry);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired Encryption encryption;
  @Autowired KeyRotation rotation;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @Test
  void aSubmissionSentAndAcknowledgedLeavesNoneOfItsWordsInTheClearAnywhereInTheDatabase()
      throws Exception {
    UUID id = create();
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "RETURN", COMMENT);
    complete(anna(), task(anna(), id, SubmissionReviewProcess.TASK_REVISE), "RESUBMIT", null);
    String review = task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW);
    call(post("/api/tasks/{id}/claim", review), zoe(), null, 200);
    // The escalation records what is overdue, in a variable and in the journal.
    management.executeJob(job(id, SubmissionReviewProcess.TIMER_ESCALATION).getId());
    complete(
        ivan(),
        task(ivan(), id, SubmissionReviewProcess.TASK_FOLLOW_UP_OVERDUE),
        "DONE",
        FOLLOW_UP);
    complete(zoe(), review, "APPROVE", null);
    // However many reviews the policy asks for, then fidu's sign-off.
    for (int step = 0; step < 5 && !"APPROVED".equals(statusOf(id)); step++) {
      String next = task(ivan(), id, SubmissionReviewProcess.TASK_REVIEW);
      if (next != null) {
        complete(ivan(), next, "APPROVE", null);
      } else {
        complete(
            marco(),
            task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
            "SIGN",
            null);
      }
    }
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    String process = processOf(id);
    management.executeJob(job(id, SubmissionReviewProcess.TASK_DISPATCH).getId());
    assertThat(statusOf(id)).isEqualTo("SENT");
    call(
        post("/api/submissions/{id}/acknowledgement", id),
        anna(),
        Map.of("reference", REFERENCE),
        200);
    assertThat(statusOf(id)).isEqualTo("ACKNOWLEDGED");

    // The API shows everything as written.
    JsonNode submission = call(get("/api/submissions/{id}", id), anna(), null, 200);
    assertThat(submission.toString()).contains(TITLE, HEADING, TEXT, PROPOSAL);
    assertThat(call(get("/api/submissions/{id}/comments", id), anna(), null, 200).toString())
        .contains(COMMENT, FOLLOW_UP);
    assertThat(call(get("/api/submissions/{id}/versions/1", id), anna(), null, 200).toString())
        .contains(TEXT);
    assertThat(call(get("/api/submissions/{id}/history", id), anna(), null, 200).toString())
        .contains(REFERENCE);

    // No table of the database holds any of it in the clear: workflow's, the outbox, Camunda's.
    for (String word : WORDS) {
      assertThat(Plaintext.columnsHolding(jdbc, word)).as("columns holding '%s'", word).isEmpty();
    }

    // Camunda's variables and their history hold ids, enums, booleans, numbers and dates only.
    List<Object> values = new ArrayList<>();
    for (HistoricVariableInstance v :
        history.createHistoricVariableInstanceQuery().processInstanceId(process).list()) {
      values.add(v.getValue());
    }
    for (HistoricDetail d :
        history.createHistoricDetailQuery().processInstanceId(process).variableUpdates().list()) {
      values.add(((HistoricVariableUpdate) d).getValue());
    }
    assertThat(values).isNotEmpty();
    for (Object value : values) {
      assertThat(value)
          .as("a process variable")
          .satisfiesAnyOf(
              v -> assertThat(v).isNull(),
              v -> assertThat(v).isInstanceOfAny(Boolean.class, Integer.class, Long.class),
              v -> assertThat(v).isInstanceOf(Date.class),
              v -> assertThat(v).isInstanceOf(List.class),
              v -> assertThat(v).isInstanceOf(String.class));
      String text = String.valueOf(value);
      for (String word : WORDS) {
        assertThat(text).as("a process variable").doesNotContain(word);
      }
    }

    // What was sent is sealed too, and opens to the very bytes whose SHA-256 was recorded.
    Map<String, Object> dispatch =
        jdbc.queryForMap("select sha256, document from dispatch where submission_id = ?", id);
    byte[] sealed = (byte[]) dispatch.get("document");
    assertThat(encryption.isCurrent(sealed)).isTrue();
    byte[] sent = encryption.open(sealed, SealedColumns.DISPATCH_DOCUMENT.purpose());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)))
        .isEqualTo(dispatch.get("sha256"));
    assertThat(new String(sealed, 0, 2, StandardCharsets.ISO_8859_1)).isNotEqualTo("PK");
  }

  @Test
  void theChangeFeedServesTheDocumentSearchReadsThoughItIsStoredSealed() throws Exception {
    UUID id = create();
    Map<String, Object> row =
        jdbc.queryForMap(
            "select seq, document, document_sealed from change_outbox"
                + " where record_type = 'submission' and record_id = ? order by seq desc limit 1",
            id.toString());
    assertThat(row.get("document")).isNull();
    assertThat(encryption.isCurrent((byte[]) row.get("document_sealed"))).isTrue();
    long seq = (Long) row.get("seq");
    JsonNode changes =
        call(
            get("/internal/changes").param("after", Long.toString(seq - 1)).param("limit", "1"),
            indexer(),
            null,
            200);
    JsonNode document = changes.get("changes").get(0).get("document");
    assertThat(document.get("title").asText()).isEqualTo(TITLE);
    assertThat(document.get("text").asText()).contains(TEXT);
    JsonNode snapshot =
        call(
            get("/internal/snapshot").param("after", Long.toString(seq - 1)).param("limit", "1"),
            indexer(),
            null,
            200);
    assertThat(snapshot.get("changes").get(0).get("document")).isEqualTo(document);
  }

  @Test
  void valuesOfAPreviousKeyStayReadableAndAreResealedWithTheCurrentOne() throws Exception {
    UUID id = create();
    String commentId =
        call(post("/api/submissions/{id}/comments", id), anna(), Map.of("body", COMMENT), 201)
            .get("id")
            .asText();
    Encryption previous = new Encryption(PREVIOUS_KEY, List.of());
    String content =
        encryption.openText(
            jdbc.queryForObject("select content from submission where id = ?", byte[].class, id),
            SealedColumns.SUBMISSION_CONTENT.purpose());
    jdbc.update(
        "update submission set content = ? where id = ?",
        previous.sealText(content, SealedColumns.SUBMISSION_CONTENT.purpose()),
        id);
    jdbc.update(
        "update submission_comment set body = ? where id = ?",
        previous.sealText("Said before the rotation", SealedColumns.COMMENT_BODY.purpose()),
        UUID.fromString(commentId));
    assertThat(call(get("/api/submissions/{id}", id), anna(), null, 200).toString())
        .contains(TITLE);
    assertThat(rotation.outdated().get(SealedColumns.SUBMISSION_CONTENT)).isPositive();

    assertThat(rotation.reencrypt().get(SealedColumns.COMMENT_BODY)).isPositive();

    assertThat(rotation.outdated().values()).allMatch(n -> n == 0);
    assertThat(
            encryption.isCurrent(
                jdbc.queryForObject(
                    "select content from submission where id = ?", byte[].class, id)))
        .isTrue();
    assertThat(call(get("/api/submissions/{id}", id), anna(), null, 200).toString())
        .contains(TITLE);
    assertThat(call(get("/api/submissions/{id}/comments", id), anna(), null, 200).toString())
        .contains("Said before the rotation");
  }

  @Test
  void startedWithAKeyThatDidNotSealTheDataTheServiceRefusesToStartAndSaysWhichSetting()
      throws Exception {
    create(); // something sealed with the right key
    String wrong = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXkhISE=";
    Map<String, Object> properties =
        new HashMap<>(SpringProperties.of(RealDependencies.postgres(), DATABASE));
    properties.putAll(SpringProperties.of(RealDependencies.smtp()));
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("amicus.encryption.key", wrong);
    properties.put("amicus.encryption.previous-keys", "");
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(
                        WorkflowApplication.class, WorkflowTestSupport.Cases.class)
                    .run(arguments)
                    .close())
        .satisfies(
            failure -> {
              String messages = messages(failure);
              assertThat(messages)
                  .contains("amicus.encryption.key", "amicus.encryption.previous-keys")
                  .doesNotContain(wrong)
                  .doesNotContain(PREVIOUS_KEY);
            });
  }

  static final String PREVIOUS_KEY = "d29ya2Zsb3ctdGVzdC1rZXktcHJldmlvdXMtb25seSE=";

  static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** search-service's account, as the resource server sees it. */
  static RequestPostProcessor indexer() {
    return jwt()
        .jwt(
            token ->
                token
                    .subject("search-indexer-id")
                    .claim("preferred_username", "service-account-search-indexer")
                    .claim("realm_access", Map.of("roles", List.of("indexer"))))
        .authorities(new SimpleGrantedAuthority(Role.INDEXER.authority()));
  }

  UUID create() throws Exception {
    Map<String, Object> draft = new HashMap<>();
    draft.put("type", "UPR_JOINT");
    draft.put("title", TITLE);
    draft.put("language", "en");
    draft.put("deadline", LocalDate.now().plusMonths(2).toString());
    draft.put(
        "coSigners",
        List.of(Map.of("organisation", "fidu", "description", "Velmorra federation of Rome")));
    draft.put("sections", List.of(Map.of("heading", HEADING, "text", TEXT)));
    draft.put("proposedRecommendations", List.of(PROPOSAL));
    return UUID.fromString(call(post("/api/submissions"), anna(), draft, 201).get("id").asText());
  }

  void complete(RequestPostProcessor user, String taskId, String decision, String comment)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("comment", comment);
    call(post("/api/tasks/{id}/complete", taskId), user, body, 200);
  }

  String processOf(UUID id) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(id.toString())
        .singleResult()
        .getId();
  }

  Job job(UUID id, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(processOf(id))
        .activityId(activityId)
        .singleResult();
  }
}
