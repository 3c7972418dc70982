package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amicus.workflow.demo.DemoSubmissions;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The demo profile's submissions, loaded through the service's own rules on the real PostgreSQL and
 * SMTP: the first day has a joint submission in review with a coordinator's comment, and a briefing
 * that was sent under the pseudonym of the person it names. Loading again adds nothing.
 */
@SpringBootTest(properties = "amicus.demo.load-on-start=false")
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@Import(WorkflowTestSupport.Cases.class)
class DemoSubmissionsTest {

  static final String JOINT = "Kazakhstan, fourth UPR cycle: freedom of expression, justice";
  static final String BRIEFING = "Kazakhstan: reprisals against a human rights defender";

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    realDependencies(registry);
  }

  @Autowired DemoSubmissions demo;
  @Autowired FakeCases cases;
  @Autowired FakeNames names;
  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  static RequestPostProcessor clara() {
    return user("clara", "odf", "coordinator");
  }

  JsonNode read(String path, RequestPostProcessor user, Object... variables) throws Exception {
    String body =
        http.perform(get(path, variables).with(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  /** The demo submissions whose title starts so, as a coordinator lists them. */
  List<JsonNode> submissions(String titleStart) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode s : read("/api/submissions", clara())) {
      if (s.at("/content/title").asText().startsWith(titleStart)) {
        found.add(s);
      }
    }
    return found;
  }

  List<JsonNode> reviewTasks(RequestPostProcessor user, String submissionId) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode task : read("/api/tasks", user)) {
      if (task.get("submissionId").asText().equals(submissionId)
          && task.get("taskKey").asText().equals(SubmissionReviewProcess.TASK_REVIEW)) {
        found.add(task);
      }
    }
    return found;
  }

  @Test
  void theFirstDayHasAReviewTaskAndASentBriefingUnderAPseudonymAndLoadingAgainAddsNothing()
      throws Exception {
    // The persons of cases-service's demo data the texts name, none with consent to be named in
    // public; the name matcher knows them, as search-service does once it has indexed them.
    names.readable(
        cases.person(
            List.of("Семенова Елена", "Elena Semenova", "Yelena Semenova"),
            "Defender E.",
            false,
            false));
    names.readable(
        cases.person(List.of("Бокаев Макс", "Maks Bokayev"), "Activist M.", true, false));

    assertThat(demo.load()).isEqualTo(DemoSubmissions.Outcome.DONE);

    List<JsonNode> joint = submissions(JOINT);
    assertThat(joint).hasSize(1);
    JsonNode submission = joint.get(0);
    String jointId = submission.get("id").asText();
    assertThat(submission.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(submission.get("leadOrganisation").asText()).isEqualTo("odf");
    assertThat(submission.at("/content/coSigners").findValuesAsText("organisation"))
        .containsExactly("fidu", "kisr");
    assertThat(submission.at("/content/proposedRecommendations")).hasSize(15);
    assertThat(LocalDate.parse(submission.at("/content/deadline").asText()))
        .isAfter(LocalDate.now());
    JsonNode comments = read("/api/submissions/{id}/comments", clara(), jointId);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("author").asText()).isEqualTo("ivan");
    // Any coordinator who did not write it has the review in their inbox, the author has none.
    assertThat(reviewTasks(user("zoe", "kisr", "coordinator"), jointId)).hasSize(1);
    assertThat(reviewTasks(clara(), jointId)).hasSize(1);
    assertThat(reviewTasks(anna(), jointId)).isEmpty();

    List<JsonNode> briefing = submissions(BRIEFING);
    assertThat(briefing).hasSize(1);
    String briefingId = briefing.get(0).get("id").asText();
    // Approved by a coordinator who is not its author; the job executor (off here) sends it.
    JsonNode approvals = read("/api/submissions/{id}/approvals", clara(), briefingId);
    assertThat(approvals).hasSize(1);
    assertThat(approvals.get(0).get("approvedBy").asText())
        .isEqualTo("clara")
        .isNotEqualTo(briefing.get(0).get("createdBy").asText());
    Job dispatch =
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(briefingId)
                    .singleResult()
                    .getId())
            .activityId(SubmissionReviewProcess.TASK_DISPATCH)
            .singleResult();
    management.executeJob(dispatch.getId());
    assertThat(read("/api/submissions/{id}", clara(), briefingId).get("status").asText())
        .isEqualTo("SENT");
    JsonNode sent = read("/api/submissions/{id}/dispatches", clara(), briefingId);
    assertThat(sent).hasSize(1);
    byte[] document =
        http.perform(
                get(
                        "/api/submissions/{id}/dispatches/{revision}/document",
                        briefingId,
                        sent.get(0).get("revision").asInt())
                    .with(clara()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument pdf = Loader.loadPDF(document)) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Defender E.")
          .doesNotContain("Semenova")
          .doesNotContain("Elena");
    }

    // A second start of the demo finds everything in place.
    assertThat(demo.load()).isEqualTo(DemoSubmissions.Outcome.DONE);
    assertThat(submissions(JOINT)).hasSize(1);
    assertThat(submissions(BRIEFING)).hasSize(1);
    assertThat(read("/api/submissions/{id}/comments", clara(), jointId)).hasSize(1);
    assertThat(reviewTasks(user("zoe", "kisr", "coordinator"), jointId)).hasSize(1);
    assertThat(read("/api/submissions/{id}/dispatches", clara(), briefingId)).hasSize(1);
  }
}
