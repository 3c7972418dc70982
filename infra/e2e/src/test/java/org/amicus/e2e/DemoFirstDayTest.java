package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.amicus.e2e.Mailboxes.Mail;
import org.junit.jupiter.api.Test;

/**
 * What a coordinator finds on the first day of a fresh platform, as {@code ./amicus up} starts it:
 * workflow-service's demo profile waited for cases-service's demo data and search-service's names
 * index, then put the statement's joint submission in review and sent a briefing under a pseudonym.
 */
class DemoFirstDayTest {

  /** The platform's first minutes: the names index fills while the tests begin. */
  private static final Duration EVENTUALLY = Duration.ofMinutes(5);

  private static final String JOINT = "Kazakhstan, fourth UPR cycle";
  private static final String BRIEFING = "Kazakhstan: reprisals against a human rights defender";

  private final Platform platform = Platform.get();
  private final Api zoe = platform.api("zoe"); // coordinator, kisr: wrote neither

  @Test
  void theInboxHasTheJointSubmissionToReviewAndTheBriefingWentOutUnderAPseudonym() {
    JsonNode task =
        await("the demo review task")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofSeconds(5))
            .ignoreExceptions()
            .until(() -> reviewTask(JOINT), found -> found != null);
    assertThat(LocalDate.parse(task.get("deadline").asText())).isAfter(LocalDate.now());
    String joint = task.get("submissionId").asText();
    JsonNode submission = zoe.get("/api/submissions/" + joint).json();
    assertThat(submission.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(submission.at("/content/proposedRecommendations")).hasSize(15);
    JsonNode comments = zoe.get("/api/submissions/" + joint + "/comments").json();
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("author").asText()).isEqualTo("ivan");

    String briefing =
        await("the demo briefing sent")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofSeconds(5))
            .ignoreExceptions()
            .until(() -> sent(BRIEFING), id -> id != null);
    String droi = "droi-" + platform.mailboxes().runId() + "@europarl.example";
    List<Mail> mails =
        await("the briefing at the European Parliament")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> platform.mailboxes().inbox(droi), received -> !received.isEmpty());
    assertThat(mails).as("one mail, however often the demo loaded").hasSize(1);
    assertThat(mails.get(0).subject() + mails.get(0).text()).doesNotContain("Semenova");
    assertThat(mails.get(0).attachments()).hasSize(1);
    assertThat(zoe.get("/api/submissions/" + briefing + "/dispatches").json()).hasSize(1);
  }

  private JsonNode reviewTask(String titleStart) {
    for (JsonNode task : zoe.get("/api/tasks").json()) {
      if (task.get("taskKey").asText().equals("Task_ReviewSubmission")
          && task.get("submissionTitle").asText().startsWith(titleStart)) {
        return task;
      }
    }
    return null;
  }

  private String sent(String titleStart) {
    for (JsonNode submission : zoe.get("/api/submissions").json()) {
      if (submission.at("/content/title").asText().startsWith(titleStart)
          && submission.get("status").asText().equals("SENT")) {
        return submission.get("id").asText();
      }
    }
    return null;
  }
}
