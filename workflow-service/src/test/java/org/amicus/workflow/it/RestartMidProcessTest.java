package org.amicus.workflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.workflow.WorkflowApplication;
import org.amicus.workflow.review.ReviewService;
import org.amicus.workflow.review.ReviewTasks;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionDraft;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.amicus.workflow.submission.SubmissionType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process state lives in PostgreSQL: a service stopped while a submission waits for review
 * carries on from there when it starts again.
 */
class RestartMidProcessTest {

  static final Caller ANNA =
      new Caller("anna-id", "anna", Optional.of("odf"), Set.of(Role.PARTNER));
  static final Caller ZOE =
      new Caller("zoe-id", "zoe", Optional.of("kisr"), Set.of(Role.COORDINATOR));

  static ConfigurableApplicationContext start() {
    PostgresInfo postgres = RealDependencies.postgres();
    SmtpInfo smtp = RealDependencies.smtp();
    Map<String, Object> properties =
        new HashMap<>(SpringProperties.of(postgres, WorkflowTestSupport.DATABASE));
    properties.putAll(SpringProperties.of(smtp));
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    // As command-line arguments: they win over application.yml, as the test's settings must.
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(WorkflowApplication.class, WorkflowTestSupport.Cases.class)
        .run(arguments);
  }

  @Test
  void aSubmissionWaitingForReviewIsStillThereAfterARestartAndMovesOn() {
    UUID id;
    try (ConfigurableApplicationContext before = start()) {
      SubmissionService submissions = before.getBean(SubmissionService.class);
      SubmissionSnapshot draft =
          submissions.create(
              ANNA,
              new SubmissionDraft(
                  SubmissionType.UPR_INDIVIDUAL,
                  null,
                  "Restart-safe submission",
                  "en",
                  LocalDate.now().plusMonths(2),
                  SubmissionContent.RiskLevel.LOW,
                  null,
                  List.of(new SubmissionDraft.SectionDraft("Introduction", "Some text.")),
                  null,
                  null,
                  null));
      id = draft.id();
      before.getBean(ReviewService.class).submit(ANNA, id, draft.lockVersion());
    }

    try (ConfigurableApplicationContext after = start()) {
      ReviewTasks tasks = after.getBean(ReviewTasks.class);
      ReviewTasks.TaskView review =
          tasks.inbox(ZOE).stream()
              .filter(t -> t.submissionId().equals(id))
              .filter(t -> t.taskKey().equals(SubmissionReviewProcess.TASK_REVIEW))
              .findFirst()
              .orElseThrow();

      SubmissionSnapshot approved = tasks.complete(ZOE, review.id(), "APPROVE", null);

      assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
    }
  }
}
