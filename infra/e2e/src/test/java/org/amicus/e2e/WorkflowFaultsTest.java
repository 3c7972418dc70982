package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Mailboxes.Mail;
import org.amicus.local.Applications.Application;
import org.amicus.runtime.Component;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's faults around a submission in flight: workflow-service killed and PostgreSQL restarted
 * mid-process; SMTP down during the dispatch until the retries are spent and an admin sees the
 * incident. Every test leaves the platform running again.
 */
class WorkflowFaultsTest {

  private static final Duration RECOVERY = Duration.ofMinutes(4);

  private final Platform platform = Platform.get();
  private Api anna;
  private Api clara;

  @BeforeEach
  void callers() {
    assumeTrue(platform.ownsDependencies(), "runs only with dependencies of its own");
    anna = platform.api("anna");
    clara = platform.api("clara");
  }

  @Test
  void aSubmissionCarriesOnAfterWorkflowServiceIsKilledAndPostgresRestarts() {
    String title = "Restart test " + UUID.randomUUID();
    String submission = submitted(title);

    platform.kill(Application.WORKFLOW);
    platform.restart(Application.WORKFLOW);
    platform.stop(Component.POSTGRES);
    platform.restart(Component.POSTGRES);

    JsonNode review = awaitReviewTask(submission);
    Reply approved =
        clara.post(
            "/api/tasks/" + review.get("id").asText() + "/complete", Map.of("decision", "APPROVE"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    awaitStatus(submission, "SENT");
    assertThat(mailsOf(submission)).hasSize(1);
    assertThat(anna.get("/api/submissions/" + submission + "/history").body())
        .contains("anna", "clara");
  }

  @Test
  void withSmtpDownTheDispatchIsRetriedThenAnIncidentAndOnceBackExactlyOneEmailArrives() {
    String title = "SMTP outage test " + UUID.randomUUID();
    String submission = submitted(title);
    JsonNode review = awaitReviewTask(submission);
    Api adam = platform.api("adam");

    platform.kill(Component.SMTP);
    JsonNode incident;
    try {
      Reply approved =
          clara.post(
              "/api/tasks/" + review.get("id").asText() + "/complete",
              Map.of("decision", "APPROVE"));
      assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
      // Three attempts a minute apart (R3/PT1M), then an incident for the admins.
      incident =
          await("the dispatch incident")
              .atMost(RECOVERY)
              .pollInterval(Duration.ofSeconds(5))
              .until(() -> incidentOf(adam, submission), found -> found != null);
      assertThat(incident.get("activityId").asText()).isEqualTo("Task_DispatchSubmission");
      assertThat(status(submission))
          .as("not sent while the mail server is down")
          .isEqualTo("APPROVED");
    } finally {
      platform.restart(Component.SMTP);
    }

    Reply retried =
        adam.post(
            "/api/admin/workflow/incidents/" + incident.get("id").asText() + "/retry", Map.of());
    assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
    awaitStatus(submission, "SENT");
    assertThat(mailsOf(submission)).as("sent exactly once").hasSize(1);
    JsonNode dispatches = anna.get("/api/submissions/" + submission + "/dispatches").json();
    assertThat(dispatches).hasSize(1);
    assertThat(incidentOf(adam, submission)).as("the incident is resolved").isNull();
  }

  /** The open incident of a submission's process, as an admin sees it, or null. */
  private static JsonNode incidentOf(Api admin, String submission) {
    Reply incidents = admin.get("/api/admin/workflow/incidents");
    assertThat(incidents.status()).as(incidents.toString()).isEqualTo(200);
    for (JsonNode incident : incidents.json()) {
      if (submission.equals(incident.path("submissionId").asText())) {
        return incident;
      }
    }
    return null;
  }

  private String submitted(String title) {
    Reply draft =
        anna.post(
            "/api/submissions",
            Records.ownDraft(title, "Findings", "Detentions continue.", List.of()));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    Reply submitted = Records.submit(anna, draft);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    return draft.json().get("id").asText();
  }

  private JsonNode awaitReviewTask(String submission) {
    return await("the review task")
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> {
              Reply tasks = clara.get("/api/tasks");
              if (tasks.status() != 200) {
                return null;
              }
              for (JsonNode task : tasks.json()) {
                if (task.get("submissionId").asText().equals(submission)
                    && task.get("taskKey").asText().equals("Task_ReviewSubmission")) {
                  return task;
                }
              }
              return null;
            },
            task -> task != null);
  }

  private String status(String submission) {
    return anna.get("/api/submissions/" + submission).json().get("status").asText();
  }

  private void awaitStatus(String submission, String expected) {
    await("status " + expected)
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(() -> status(submission), expected::equals);
  }

  /**
   * The mails of this submission at OHCHR, found by the reference in their body: the subject is the
   * title as it goes out, in which another test's person may have been replaced by a pseudonym.
   */
  private List<Mail> mailsOf(String submission) {
    return await("the mail")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                platform.mailboxes().inbox(platform.mailboxes().ohchrUpr()).stream()
                    .filter(mail -> mail.text().contains("<submission-" + submission + "-r"))
                    .toList(),
            mails -> !mails.isEmpty());
  }
}
