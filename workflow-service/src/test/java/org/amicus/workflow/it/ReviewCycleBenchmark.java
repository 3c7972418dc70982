package org.amicus.workflow.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.amicus.testkit.benchmark.Target;
import org.amicus.workflow.review.ProcessEngineOnPostgres;
import org.amicus.workflow.review.ReviewService;
import org.amicus.workflow.review.ReviewTasks;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionDraft;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complete review cycles per second on PostgreSQL (submit, policy decision, one approval, dispatch
 * job, acknowledgement), through the whole service and on the bare engine with the same model.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmarks -pl workflow-service -am}. Prints the figures and
 * writes {@code workflow-service/target/benchmarks/workflow.md}. Tagged {@code benchmark}, so left
 * out of {@code ./mvnw verify}: it takes minutes and measures, rather than checks.
 */
@Tag("benchmark")
class ReviewCycleBenchmark {

  static final int WARM_UP = 20;
  static final int CYCLES = 200;

  @Test
  void measureReviewCycles() throws IOException {
    double bare = bareEngine();
    double service = wholeService();
    String report =
        """
        # workflow-service benchmark: complete review cycles per second

        One thread, PostgreSQL %s (embedded binaries), full history, job executor off (jobs run by
        the benchmark thread). A cycle: start/submit, review-policy decision, one coordinator
        approval, dispatch job, acknowledgement message, process end. %d cycles after %d warm-up.

        | setup | cycles/s |
        |---|---|
        | bare Camunda engine, same BPMN/DMN, no-op delegates | %.1f |
        | workflow-service: create + checks + submit via services, task API, real rendering (.docx) and real SMTP send, outbox rows, status sync | %.1f |

        Machine: %d cores, Java %s, load average after the run %s (other builds share the
        machine; figures are only comparable with each other).
        """
                .formatted(
                    "17",
                    CYCLES,
                    WARM_UP,
                    bare,
                    service,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    loadAverage())
            + "\n"
            + Target.table(
                List.of(
                    Target.ratio(
                        "review cycles, whole service ÷ bare engine (1 thread)",
                        service,
                        bare,
                        "cycles/s",
                        0.7),
                    Target.of(
                        "review cycles through the whole service",
                        String.format(Locale.ROOT, "%.1f/s with 1 thread", service),
                        "≥ 25/s with 4 threads",
                        service >= 25)));
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "workflow.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double bareEngine() {
    ProcessEngine engine = ProcessEngineOnPostgres.engine();
    Mocks.register("dispatchSubmissionDelegate", (JavaDelegate) e -> {});
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    Runnable cycle =
        () -> {
          Map<String, Object> variables = new HashMap<>();
          String key = UUID.randomUUID().toString();
          Date deadline = new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
          variables.put(SubmissionReviewProcess.SUBMISSION_ID, key);
          variables.put(SubmissionReviewProcess.REVISION, 1);
          variables.put(SubmissionReviewProcess.SUBMISSION_TYPE, "UPR_INDIVIDUAL");
          variables.put(SubmissionReviewProcess.RISK_LEVEL, "LOW");
          variables.put(SubmissionReviewProcess.NAMES_PEOPLE, false);
          variables.put(SubmissionReviewProcess.LEAD_ORGANISATION, "odf");
          variables.put(SubmissionReviewProcess.CO_SIGNERS, new ArrayList<String>());
          variables.put(SubmissionReviewProcess.SIGN_OFF_DECLINED, false);
          variables.put(SubmissionReviewProcess.REVIEW_APPROVERS, "");
          variables.put(SubmissionReviewProcess.DEADLINE_AT, deadline);
          variables.put(SubmissionReviewProcess.REMINDER_AT, deadline);
          variables.put(SubmissionReviewProcess.ESCALATE_AT, deadline);
          ProcessInstance instance =
              runtime.startProcessInstanceByKey(
                  SubmissionReviewProcess.PROCESS_KEY, key, variables);
          String task =
              tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
          tasks.complete(
              task,
              Map.of(SubmissionReviewProcess.REVIEW_DECISION, SubmissionReviewProcess.APPROVE));
          management.executeJob(
              management
                  .createJobQuery()
                  .processInstanceId(instance.getId())
                  .activityId(SubmissionReviewProcess.TASK_DISPATCH)
                  .singleResult()
                  .getId());
          runtime
              .createMessageCorrelation(SubmissionReviewProcess.MESSAGE_ACKNOWLEDGED)
              .processInstanceBusinessKey(key)
              .correlate();
        };
    try {
      return measure(cycle);
    } finally {
      Mocks.reset();
    }
  }

  private static double wholeService() {
    try (ConfigurableApplicationContext context = RestartMidProcessTest.start()) {
      SubmissionService submissions = context.getBean(SubmissionService.class);
      ReviewService review = context.getBean(ReviewService.class);
      ReviewTasks reviewTasks = context.getBean(ReviewTasks.class);
      TaskService tasks = context.getBean(TaskService.class);
      ManagementService management = context.getBean(ManagementService.class);
      RuntimeService runtime = context.getBean(RuntimeService.class);
      Runnable cycle =
          () -> {
            SubmissionSnapshot draft =
                submissions.create(
                    RestartMidProcessTest.ANNA,
                    new SubmissionDraft(
                        SubmissionType.UPR_INDIVIDUAL,
                        null,
                        "Benchmark submission",
                        "en",
                        LocalDate.now().plusMonths(2),
                        SubmissionContent.RiskLevel.LOW,
                        null,
                        List.of(
                            new SubmissionDraft.SectionDraft("Introduction", "Some text."),
                            new SubmissionDraft.SectionDraft(
                                "Findings", "More text.\n\nAnd more.")),
                        null,
                        null,
                        List.of("Release them")));
            SubmissionSnapshot submitted =
                review
                    .submit(RestartMidProcessTest.ANNA, draft.id(), draft.lockVersion())
                    .submission();
            String task =
                tasks
                    .createTaskQuery()
                    .processInstanceId(submitted.processInstanceId())
                    .singleResult()
                    .getId();
            reviewTasks.complete(RestartMidProcessTest.ZOE, task, "APPROVE", null);
            management.executeJob(
                management
                    .createJobQuery()
                    .processInstanceId(submitted.processInstanceId())
                    .activityId(SubmissionReviewProcess.TASK_DISPATCH)
                    .singleResult()
                    .getId());
            review.acknowledge(RestartMidProcessTest.ANNA, draft.id(), "benchmark");
            if (runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(submitted.processInstanceId())
                    .count()
                != 0) {
              throw new IllegalStateException("The cycle did not end the process");
            }
          };
      return measure(cycle);
    }
  }

  private static double measure(Runnable cycle) {
    for (int i = 0; i < WARM_UP; i++) {
      cycle.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      cycle.run();
    }
    return CYCLES / ((System.nanoTime() - start) / 1e9);
  }
}
