package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.amicus.runtime.SmtpInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Review, sign-off and dispatch through the service's API, on the real PostgreSQL and the real SMTP
 * server; what was sent is read back over IMAP and its attachment opened.
 */
@SpringBootTest(
    properties = {
      "amicus.dispatch.addresses.OHCHR_UPR=upr-test@ohchr.example",
      "amicus.dispatch.addresses.UN_WGAD=wgad-test@ohchr.example"
    })
@AutoConfigureMockMvc
@Import(WorkflowTestSupport.Cases.class)
class ReviewAndDispatchTest extends SubmissionApiTest {

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    realDependencies(registry);
  }

  @Autowired FakeCases cases;
  @Autowired FakeNames names;
  @Autowired ManagementService management;
  @Autowired MeterRegistry meters;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired JavaMailSenderImpl mail;

  void complete(
      RequestPostProcessor user, String taskId, String decision, String comment, int expected)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("decision", decision);
    body.put("comment", comment);
    call(post("/api/tasks/{id}/complete", taskId), user, body, expected);
  }

  Job dispatchJob(UUID id) {
    return job(id, SubmissionReviewProcess.TASK_DISPATCH);
  }

  /** The submission's job at an activity (a timer or the dispatch step), or null. */
  Job job(UUID id, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(processOf(id))
        .activityId(activityId)
        .singleResult();
  }

  String processOf(UUID id) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(id.toString())
        .singleResult()
        .getId();
  }

  /**
   * Runs the submission's jobs that are due at the engine's current time, as the executor would.
   */
  void runDueJobs(UUID id) {
    for (Job due :
        management.createJobQuery().processInstanceId(processOf(id)).executable().list()) {
      management.executeJob(due.getId());
    }
  }

  /** An individual UPR submission of anna's (odf), no co-signers, nobody named. */
  Map<String, Object> individualUpr(LocalDate deadline) {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("type", "UPR_INDIVIDUAL");
    draft.put("title", "Kazakhstan: freedom of association");
    draft.put("language", "en");
    draft.put("deadline", deadline.toString());
    draft.put(
        "sections",
        List.of(Map.of("heading", "Registration", "text", "Associations must register.")));
    return draft;
  }

  static Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  UUID jointUprNaming(String named, long caseId) throws Exception {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("type", "UPR_JOINT");
    draft.put("title", "Kazakhstan: " + named + " and the fourth UPR cycle");
    draft.put("language", "en");
    draft.put("deadline", LocalDate.now().plusMonths(3).toString());
    draft.put("riskLevel", "LOW");
    draft.put(
        "coSigners",
        List.of(
            Map.of(
                "organisation", "fidu", "description", "Italian Federation for Human Rights, Rome"),
            Map.of(
                "organisation", "kisr", "description", "Kharkiv Institute for Social Research")));
    draft.put(
        "sections",
        List.of(
            Map.of(
                "heading",
                "Political prisoners",
                "text",
                "The activist " + named + " was detained in 2019.\n\nHe is still in prison."),
            Map.of("heading", "Freedom of assembly", "text", "Rallies need permission.")));
    draft.put("caseIds", List.of(caseId));
    draft.put("proposedRecommendations", List.of("Release " + named + " immediately"));
    return UUID.fromString(call(post("/api/submissions"), anna(), draft, 201).get("id").asText());
  }

  @Test
  void aJointSubmissionGoesThroughReviewAndSignOffAndIsSentOnceAsAWordDocument() throws Exception {
    long caseId = cases.caseOf(List.of("Maks Bokayev", "Макс Бокаев"), "Activist B.", false);
    UUID id = jointUprNaming("Maks Bokayev", caseId);
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

    // A partner cannot review; a coordinator claims and returns it with a comment.
    assertThat(task(olena(), id, SubmissionReviewProcess.TASK_REVIEW)).isNull();
    String review = task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW);
    call(post("/api/tasks/{id}/claim", review), zoe(), null, 200);
    assertThat(task(ivan(), id, SubmissionReviewProcess.TASK_REVIEW)).isNull();
    complete(zoe(), review, "RETURN", null, 400);
    complete(zoe(), review, "RETURN", "Please shorten the introduction", 200);
    assertThat(statusOf(id)).isEqualTo("RETURNED");
    // Every organisation taking part hears of it at its team address (application.yml defaults).
    awaitNotified(
        id,
        "[Amicus] Returned with comments",
        "team@odf.example",
        "team@fidu.example",
        "team@kisr.example");

    // The authors resubmit; the coordinator approves; each co-signer signs for their organisation.
    String revise = task(anna(), id, SubmissionReviewProcess.TASK_REVISE);
    complete(anna(), revise, "RESUBMIT", null, 200);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("AWAITING_SIGNATURES");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> notified("team@kisr.example", id, "[Amicus] Sign-off waiting"));
    String fiduSignOff = task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF);
    assertThat(fiduSignOff).isNotNull();
    complete(olena(), fiduSignOff, "SIGN", null, 404);
    complete(marco(), fiduSignOff, "SIGN", null, 200);
    complete(
        olena(),
        task(olena(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    awaitNotified(
        id, "[Amicus] Approved", "team@odf.example", "team@fidu.example", "team@kisr.example");

    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("SENT");
    awaitNotified(
        id, "[Amicus] Sent", "team@odf.example", "team@fidu.example", "team@kisr.example");
    JsonNode dispatches = call(get("/api/submissions/{id}/dispatches", id), anna(), null, 200);
    String messageId = dispatches.get(0).get("messageId").asText();
    assertThat(dispatches.get(0).get("sha256").asText()).hasSize(64);
    List<Message> sent = messages("upr-test@ohchr.example", messageId);
    assertThat(sent).hasSize(1);
    // The subject and body carry the title as it goes out: under the pseudonym.
    assertThat(sent.get(0).getSubject())
        .isEqualTo("Kazakhstan: Activist B. and the fourth UPR cycle");
    assertThat(bodyText(sent.get(0))).contains("Activist B.").doesNotContain("Bokayev");
    assertThat(attachmentName(sent.get(0))).doesNotContain("Bokayev").endsWith(".docx");
    List<String> paragraphs = docxParagraphs(attachment(sent.get(0)));
    assertThat(paragraphs)
        .contains(
            "Italian Federation for Human Rights: Italian Federation for Human Rights, Rome",
            "Kharkiv Institute for Social Research: Kharkiv Institute for Social Research",
            "1. The activist Activist B. was detained in 2019.",
            "2. He is still in prison.",
            "3. Rallies need permission.",
            "4. Release Activist B. immediately");
    assertThat(String.join("\n", paragraphs)).doesNotContain("Bokayev");

    call(
        post("/api/submissions/{id}/acknowledgement", id),
        anna(),
        Map.of("reference", "OHCHR-123"),
        200);
    assertThat(statusOf(id)).isEqualTo("ACKNOWLEDGED");
    JsonNode history = call(get("/api/submissions/{id}/history", id), zoe(), null, 200);
    assertThat(history.findValuesAsText("action"))
        .contains(
            "CREATED",
            "SUBMITTED",
            "REVIEW_RETURNED",
            "RESUBMITTED",
            "REVIEW_APPROVED",
            "SIGNED_OFF",
            "SENT",
            "ACKNOWLEDGED",
            "TASK_COMPLETED");
    assertThat(history.findValuesAsText("actor")).contains("anna", "zoe", "marco", "olena");
  }

  @Test
  void withSmtpDownTheDispatchRetriesRaisesAnIncidentAndOnceBackSendsExactlyOneEmail()
      throws Exception {
    long caseId = cases.caseOf(List.of("Aigul Utepova"), "Journalist U.", true);
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("type", "WGAD_INDIVIDUAL_COMPLAINT");
    draft.put("title", "Arbitrary detention of a journalist");
    draft.put("language", "en");
    draft.put("deadline", LocalDate.now().plusMonths(1).toString());
    draft.put(
        "sections", List.of(Map.of("heading", "Identity", "text", "Aigul Utepova, journalist.")));
    draft.put("caseIds", List.of(caseId));
    UUID id =
        UUID.fromString(call(post("/api/submissions"), anna(), draft, 201).get("id").asText());
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    // A WGAD complaint naming its person needs a legal review (review-policy rule 4).
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    complete(
        ivan(), task(ivan(), id, SubmissionReviewProcess.TASK_LEGAL_REVIEW), "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");

    int smtpPort = mail.getPort();
    mail.setPort(1); // nothing listens there
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        String jobId = dispatchJob(id).getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
      }
    } finally {
      mail.setPort(smtpPort);
    }
    assertThat(dispatchJob(id).getRetries()).isZero();
    call(get("/api/admin/workflow/incidents"), anna(), null, 403);
    JsonNode incident = null;
    for (JsonNode i : call(get("/api/admin/workflow/incidents"), adam(), null, 200)) {
      if (i.get("submissionId").asText().equals(id.toString())) {
        incident = i;
      }
    }
    assertThat(incident).isNotNull();
    assertThat(incident.get("activityId").asText())
        .isEqualTo(SubmissionReviewProcess.TASK_DISPATCH);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    assertThat(meters.get("amicus.workflow.incidents").gauge().value())
        .as("what the monitoring sees")
        .isGreaterThanOrEqualTo(1.0);

    call(
        post("/api/admin/workflow/incidents/{id}/retry", incident.get("id").asText()),
        adam(),
        null,
        202);
    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("SENT");
    String messageId =
        call(get("/api/submissions/{id}/dispatches", id), anna(), null, 200)
            .get(0)
            .get("messageId")
            .asText();
    List<Message> sent = messages("wgad-test@ohchr.example", messageId);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getContentType()).startsWith("multipart/mixed");
    try (PDDocument pdf = Loader.loadPDF(attachment(sent.get(0)))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(
              "Open Dialogue Foundation (lead organisation)", "1. Aigul Utepova, journalist.");
    }
  }

  @Test
  void aNameStillInTheRenderedDocumentStopsTheDispatchAndBecomesAnIncidentNamingPlacesOnly()
      throws Exception {
    // The pseudonym was recorded with the surname in it: the replacement gives the name back.
    long caseId = cases.caseOf(List.of("Serik Tulegenov"), "Tulegenov S.", false);
    UUID id = jointUprNaming("Serik Tulegenov", caseId);
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    complete(
        marco(),
        task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    complete(
        olena(),
        task(olena(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");

    for (int attempt = 0; attempt < 3; attempt++) {
      String jobId = dispatchJob(id).getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    }

    assertThat(dispatchJob(id).getRetries()).isZero();
    JsonNode incident = null;
    for (JsonNode i : call(get("/api/admin/workflow/incidents"), adam(), null, 200)) {
      if (i.get("submissionId").asText().equals(id.toString())) {
        incident = i;
      }
    }
    assertThat(incident).isNotNull();
    assertThat(incident.get("message").asText())
        .contains("Not sent", "document")
        .doesNotContain("Tulegenov")
        .doesNotContain("Serik");
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    int revision =
        call(get("/api/submissions/{id}", id), anna(), null, 200).get("revision").asInt();
    assertThat(
            messages(
                "upr-test@ohchr.example",
                "<submission-%s-r%d@amicus.local>".formatted(id, revision)))
        .isEmpty();
  }

  @Test
  void withTheNameMatcherDownTheDispatchFailsAndIsRetriedAndSendsOnceItIsBack() throws Exception {
    long caseId = cases.caseOf(List.of("Aidos Sadykov"), "Journalist S.", false);
    UUID id = jointUprNaming("Aidos Sadykov", caseId);
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    complete(
        marco(),
        task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    complete(
        olena(),
        task(olena(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);

    names.down(true);
    try {
      String jobId = dispatchJob(id).getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    } finally {
      names.down(false);
    }
    assertThat(dispatchJob(id).getRetries()).isEqualTo(2);
    assertThat(statusOf(id)).isEqualTo("APPROVED");

    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("SENT");
    String messageId =
        call(get("/api/submissions/{id}/dispatches", id), anna(), null, 200)
            .get(0)
            .get("messageId")
            .asText();
    List<Message> sent = messages("upr-test@ohchr.example", messageId);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getSubject())
        .isEqualTo("Kazakhstan: Journalist S. and the fourth UPR cycle");
  }

  @Test
  void movingTheDeadlineOfAReturnedDraftMovesItsTimersAndTheReminderFollowsTheNewDate()
      throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> draft = individualUpr(today.plusDays(90));
    UUID id =
        UUID.fromString(call(post("/api/submissions"), anna(), draft, 201).get("id").asText());
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    complete(
        zoe(),
        task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW),
        "RETURN",
        "Please add the 2024 figures",
        200);
    assertThat(statusOf(id)).isEqualTo("RETURNED");
    Instant eightDaysOn = today.plusDays(8).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(job(id, SubmissionReviewProcess.TIMER_REMINDER).getDuedate().toInstant())
        .isEqualTo(endOfDay(today.plusDays(90)).minus(14, ChronoUnit.DAYS));
    ClockUtil.setCurrentTime(java.util.Date.from(eightDaysOn));
    try {
      assertThat(management.createJobQuery().processInstanceId(processOf(id)).executable().count())
          .isZero();
    } finally {
      ClockUtil.reset();
    }

    // A passed deadline is refused and nothing moves.
    draft.put("deadline", today.minusDays(1).toString());
    JsonNode problem =
        call(put("/api/submissions/{id}", id).header("If-Match", etag(id)), anna(), draft, 400);
    assertThat(problem.findValuesAsText("field")).containsExactly("deadline");
    assertThat(call(get("/api/submissions/{id}/versions", id), anna(), null, 200)).hasSize(1);
    assertThat(job(id, SubmissionReviewProcess.TIMER_DEADLINE).getDuedate().toInstant())
        .isEqualTo(endOfDay(today.plusDays(90)));

    // The authors learn the deadline is in 20 days, not 90.
    draft.put("deadline", today.plusDays(20).toString());
    call(put("/api/submissions/{id}", id).header("If-Match", etag(id)), anna(), draft, 200);

    Instant deadlineAt = endOfDay(today.plusDays(20));
    assertThat(job(id, SubmissionReviewProcess.TIMER_REMINDER).getDuedate().toInstant())
        .isEqualTo(deadlineAt.minus(14, ChronoUnit.DAYS));
    assertThat(job(id, SubmissionReviewProcess.TIMER_ESCALATION).getDuedate().toInstant())
        .isEqualTo(deadlineAt.minus(3, ChronoUnit.DAYS));
    assertThat(job(id, SubmissionReviewProcess.TIMER_DEADLINE).getDuedate().toInstant())
        .isEqualTo(deadlineAt);

    // Eight days on, the reminder is due under the new deadline (under the old one it was not).
    ClockUtil.setCurrentTime(java.util.Date.from(eightDaysOn));
    try {
      runDueJobs(id);
    } finally {
      ClockUtil.reset();
    }
    assertThat(job(id, SubmissionReviewProcess.TIMER_REMINDER)).isNull();
    assertThat(job(id, SubmissionReviewProcess.TIMER_ESCALATION)).isNotNull();
    assertThat(statusOf(id)).isEqualTo("RETURNED");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> notified("team@odf.example", id, "[Amicus] Deadline " + today.plusDays(20)));
    JsonNode history = call(get("/api/submissions/{id}/history", id), anna(), null, 200);
    assertThat(history.findValuesAsText("action")).contains("DEADLINE_MOVED", "DEADLINE_REMINDER");

    // Nobody resubmitted: the deadline passes.
    management.executeJob(job(id, SubmissionReviewProcess.TIMER_DEADLINE).getId());
    assertThat(statusOf(id)).isEqualTo("MISSED_DEADLINE");
    awaitNotified(id, "[Amicus] Deadline missed", "team@odf.example", "coordinators@amicus.local");
  }

  @Test
  void anOverdueReviewGivesTheCoordinatorsAFollowUpTaskSayingWhatIsOverdue() throws Exception {
    UUID id =
        UUID.fromString(
            call(post("/api/submissions"), anna(), individualUpr(LocalDate.now().plusDays(10)), 201)
                .get("id")
                .asText());
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    call(
        post("/api/tasks/{id}/claim", task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW)),
        zoe(),
        null,
        200);

    // Three days before the deadline, the review is still open.
    management.executeJob(job(id, SubmissionReviewProcess.TIMER_ESCALATION).getId());

    JsonNode followUp = null;
    for (JsonNode t : call(get("/api/tasks"), ivan(), null, 200)) {
      if (t.get("submissionId").asText().equals(id.toString())
          && t.get("taskKey").asText().equals(SubmissionReviewProcess.TASK_FOLLOW_UP_OVERDUE)) {
        followUp = t;
      }
    }
    assertThat(followUp).isNotNull();
    assertThat(followUp.get("name").asText()).isEqualTo("Follow up the overdue review or sign-off");
    assertThat(followUp.get("overdue").asText())
        .isEqualTo("Review the submission (claimed by zoe)");
    assertThat(followUp.get("decisions").toString()).isEqualTo("[\"DONE\"]");
    assertThat(task(anna(), id, SubmissionReviewProcess.TASK_FOLLOW_UP_OVERDUE)).isNull();
    awaitNotified(
        id, "[Amicus] Close to its deadline", "coordinators@amicus.local", "team@odf.example");

    String followUpId = followUp.get("id").asText();
    JsonNode problem =
        call(
            post("/api/tasks/{id}/complete", followUpId),
            ivan(),
            Map.of("decision", "APPROVE"),
            400);
    assertThat(problem.findValuesAsText("field")).containsExactly("decision");
    complete(anna(), followUpId, "DONE", null, 404);
    complete(ivan(), followUpId, "DONE", "Asked Zoe to finish today", 200);

    assertThat(task(ivan(), id, SubmissionReviewProcess.TASK_FOLLOW_UP_OVERDUE)).isNull();
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    JsonNode history = call(get("/api/submissions/{id}/history", id), zoe(), null, 200);
    assertThat(history.findValuesAsText("action")).contains("ESCALATED", "OVERDUE_FOLLOWED_UP");
  }

  /** Completes the review and both sign-offs of a joint submission from jointUprNaming. */
  void approveAndSignOff(UUID id) throws Exception {
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    complete(
        marco(),
        task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    complete(
        olena(),
        task(olena(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF),
        "SIGN",
        null,
        200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
  }

  byte[] renderedDocument(RequestPostProcessor user, String taskId) throws Exception {
    return http.perform(get("/api/tasks/{id}/rendering/document", taskId).with(user))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void reviewersReadThePseudonymisedRenderingOfTheirTaskAndNobodyElseDoes() throws Exception {
    long caseId = cases.caseOf(List.of("Zhanna Baimukhanova"), "Journalist Z.", false);
    UUID id = jointUprNaming("Zhanna Baimukhanova", caseId);
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    String review = task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW);

    JsonNode rendering = call(get("/api/tasks/{id}/rendering", review), zoe(), null, 200);
    assertThat(rendering.get("title").asText())
        .isEqualTo("Kazakhstan: Journalist Z. and the fourth UPR cycle");
    assertThat(rendering.get("blocks").findValuesAsText("text"))
        .contains(
            "Political prisoners",
            "The activist Journalist Z. was detained in 2019.",
            "Release Journalist Z. immediately");
    assertThat(rendering.get("fileName").asText()).endsWith(".docx").doesNotContain("Baimukhanova");
    assertThat(rendering.toString()).doesNotContain("Baimukhanova").doesNotContain("Zhanna");
    byte[] document = renderedDocument(zoe(), review);
    assertThat(sha256(document)).isEqualTo(rendering.get("sha256").asText());
    assertThat(String.join("\n", docxParagraphs(document)))
        .contains("1. The activist Journalist Z. was detained in 2019.")
        .doesNotContain("Baimukhanova");
    // Read again with nothing changed: the same bytes, the ones an approval now records.
    assertThat(renderedDocument(zoe(), review)).isEqualTo(document);

    // Who may not act on the task learns nothing of it: a partner, the authors, another org.
    call(get("/api/tasks/{id}/rendering", review), olena(), null, 404);
    call(get("/api/tasks/{id}/rendering", review), anna(), null, 404);
    call(get("/api/tasks/{id}/rendering/document", review), marco(), null, 404);
    call(get("/api/tasks/{id}/rendering", "no-such-task"), zoe(), null, 404);

    complete(zoe(), review, "APPROVE", null, 200);
    String fiduSignOff = task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF);
    call(get("/api/tasks/{id}/rendering", fiduSignOff), olena(), null, 404);
    call(get("/api/tasks/{id}/rendering", fiduSignOff), ivan(), null, 404);
    assertThat(
            call(get("/api/tasks/{id}/rendering", fiduSignOff), marco(), null, 200)
                .get("sha256")
                .asText())
        .isEqualTo(rendering.get("sha256").asText());
  }

  @Test
  void theSentAttachmentIsByteForByteTheDocumentOfTheLastSignOffWithItsSha256() throws Exception {
    // Consent for the UN and in public: the name goes out as written.
    long personId = cases.person(List.of("Dina Kaliyeva"), "Activist K.", true, true);
    UUID id = jointUprNaming("Dina Kaliyeva", cases.caseOf(personId));
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    String review = task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW);
    byte[] previewed = renderedDocument(zoe(), review);
    approveAndSignOff(id);

    JsonNode approvals = call(get("/api/submissions/{id}/approvals", id), anna(), null, 200);
    assertThat(approvals.findValuesAsText("taskKey"))
        .containsExactly(
            SubmissionReviewProcess.TASK_REVIEW,
            SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF,
            SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF);
    assertThat(approvals.findValuesAsText("approvedBy")).containsExactly("zoe", "marco", "olena");
    String approvedSha = approvals.get(2).get("sha256").asText();
    assertThat(approvals.findValuesAsText("sha256")).containsOnly(approvedSha);

    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("SENT");
    JsonNode dispatch = call(get("/api/submissions/{id}/dispatches", id), anna(), null, 200).get(0);
    assertThat(dispatch.get("sha256").asText()).isEqualTo(approvedSha);
    List<Message> sent = messages("upr-test@ohchr.example", dispatch.get("messageId").asText());
    assertThat(sent).hasSize(1);
    byte[] attachment = attachment(sent.get(0));
    assertThat(sha256(attachment)).isEqualTo(approvedSha);
    assertThat(attachment).isEqualTo(previewed);
    assertThat(docxParagraphs(attachment)).contains("4. Release Dina Kaliyeva immediately");
  }

  @Test
  void consentWithdrawnAfterApprovalStopsTheRetriedDispatchAndReturnsTheSubmission()
      throws Exception {
    long personId = cases.person(List.of("Nurlan Abenov"), "Defender N.", true, true);
    UUID id = jointUprNaming("Nurlan Abenov", cases.caseOf(personId));
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), anna(), null, 200);
    approveAndSignOff(id);
    int revision =
        call(get("/api/submissions/{id}", id), anna(), null, 200).get("revision").asInt();
    String messageId = "<submission-%s-r%d@amicus.local>".formatted(id, revision);

    // The first attempt fails (SMTP down); before the retry, the person withdraws public consent.
    int smtpPort = mail.getPort();
    mail.setPort(1);
    try {
      String jobId = dispatchJob(id).getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    } finally {
      mail.setPort(smtpPort);
    }
    cases.consent(personId, "PUBLIC", false);
    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("RETURNED");
    assertThat(dispatchJob(id)).isNull();
    assertThat(messages("upr-test@ohchr.example", messageId)).isEmpty();
    JsonNode stopped = null;
    for (JsonNode entry : call(get("/api/submissions/{id}/history", id), anna(), null, 200)) {
      if ("DISPATCH_STOPPED".equals(entry.path("action").asText())) {
        stopped = entry;
      }
    }
    assertThat(stopped).isNotNull();
    assertThat(stopped.get("detail").asText())
        .contains("Not sent", "no longer consents", "UN and in public")
        .doesNotContain("Abenov")
        .doesNotContain("Nurlan");
    awaitNotified(id, "[Amicus] Returned with comments", "team@odf.example");

    // Resubmitted unchanged, the rendering now carries the pseudonym; it is approved again.
    complete(anna(), task(anna(), id, SubmissionReviewProcess.TASK_REVISE), "RESUBMIT", null, 200);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
    JsonNode rendering =
        call(
            get("/api/tasks/{id}/rendering", task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW)),
            zoe(),
            null,
            200);
    assertThat(rendering.get("title").asText())
        .isEqualTo("Kazakhstan: Defender N. and the fourth UPR cycle");
    approveAndSignOff(id);
    management.executeJob(dispatchJob(id).getId());

    assertThat(statusOf(id)).isEqualTo("SENT");
    JsonNode approvals = call(get("/api/submissions/{id}/approvals", id), anna(), null, 200);
    String lastSha = approvals.get(approvals.size() - 1).get("sha256").asText();
    assertThat(lastSha).isEqualTo(rendering.get("sha256").asText());
    assertThat(approvals.get(0).get("sha256").asText()).isNotEqualTo(lastSha);
    List<Message> sent = messages("upr-test@ohchr.example", messageId);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getSubject()).doesNotContain("Abenov");
    byte[] attachment = attachment(sent.get(0));
    assertThat(sha256(attachment)).isEqualTo(lastSha);
    assertThat(String.join("\n", docxParagraphs(attachment)))
        .contains("Defender N.")
        .doesNotContain("Abenov");
  }

  /** Messages in a mailbox with a given Message-ID, read over IMAP. */
  static List<Message> messages(String mailbox, String messageId) throws Exception {
    SmtpInfo smtp = RealDependencies.smtp();
    Session session = Session.getInstance(new Properties());
    Store store = session.getStore("imap");
    store.connect(smtp.host(), smtp.imapPort(), mailbox, "any");
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    List<Message> found = new ArrayList<>();
    for (Message message :
        inbox.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageId))) {
      String[] ids = message.getHeader("Message-ID");
      if (ids != null && Arrays.asList(ids).contains(messageId)) {
        found.add(
            new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) message));
      }
    }
    inbox.close(false);
    store.close();
    return found;
  }

  /** Waits until a notification about the submission reached each mailbox. */
  static void awaitNotified(UUID id, String subjectPrefix, String... mailboxes) {
    for (String mailbox : mailboxes) {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(() -> notified(mailbox, id, subjectPrefix));
    }
  }

  /** Whether a notification about the submission reached the mailbox. */
  static boolean notified(String mailbox, UUID id, String subjectPrefix) throws Exception {
    SmtpInfo smtp = RealDependencies.smtp();
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(smtp.host(), smtp.imapPort(), mailbox, "any");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      // Searched on the server, subject and body: the team mailboxes fill up over many runs and
      // benchmarks, and reading every "Approved" message over IMAP outlasts the wait.
      jakarta.mail.search.SearchTerm term =
          new jakarta.mail.search.AndTerm(
              new jakarta.mail.search.SubjectTerm(subjectPrefix),
              new jakarta.mail.search.BodyTerm(id.toString()));
      return inbox.search(term).length > 0;
    } finally {
      store.close();
    }
  }

  static byte[] attachment(Message message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (InputStream in = part.getInputStream()) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError("The email has no attachment");
  }

  static String attachmentName(Message message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part.getFileName();
      }
    }
    throw new AssertionError("The email has no attachment");
  }

  /** The email's text parts, as a recipient reads them. */
  static String bodyText(Message message) throws Exception {
    StringBuilder text = new StringBuilder();
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (part.isMimeType("multipart/*")) {
        Multipart inner = (Multipart) part.getContent();
        for (int j = 0; j < inner.getCount(); j++) {
          if (inner.getBodyPart(j).isMimeType("text/*")) {
            text.append(inner.getBodyPart(j).getContent());
          }
        }
      } else if (part.isMimeType("text/*")
          && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        text.append(part.getContent());
      }
    }
    return text.toString();
  }

  static List<String> docxParagraphs(byte[] docx) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
      return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
  }
}
