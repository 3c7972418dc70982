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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final int THREADS = 4;

  @Test
  void measureReviewCycles() throws IOException {
    double[] bare = bareEngine();
    double[] service = wholeService();
    String report =
        """
        # workflow-service benchmark: complete review cycles per second

        One and several client threads, PostgreSQL %s (embedded binaries), full history, job
        executor off (jobs run by the benchmark threads). A cycle: start/submit, review-policy
        decision, one coordinator approval, dispatch job, acknowledgement message, process end. %d cycles after %d warm-up.

        | setup | cycles/s, 1 thread | cycles/s, %d threads |
        |---|---:|---:|
        | bare Camunda engine, same BPMN/DMN, no-op delegates | %.1f | %.1f |
        | workflow-service: create + checks + submit via services, task API, real rendering (.docx) and real SMTP send, outbox rows, status sync | %.1f | %.1f |

        Machine: %d cores, Java %s, load average after the run %s (other builds share the
        machine; figures are only comparable with each other).
        """
                .formatted(
                    "17",
                    CYCLES,
                    WARM_UP,
                    THREADS,
                    bare[0],
                    bare[1],
                    service[0],
                    service[1],
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    loadAverage())
            + "\n"
            + Target.table(
                List.of(
                    Target.ratio(
                        "review cycles, whole service ÷ bare engine, " + THREADS + " threads",
                        service[1],
                        bare[1],
                        "cycles/s",
                        0.7),
                    Target.of(
                        "review cycles through the whole service, " + THREADS + " threads",
                        String.format(Locale.ROOT, "%.1f/s", service[1]),
                        "≥ 25/s",
                        service[1] >= 25)));
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

  private static double[] bareEngine() {
    ProcessEngine engine = ProcessEngineOnPostgres.engine();
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    Runnable cycle =
        () -> {
          // Camunda's mocks live per thread: every client thread registers the no-op delegate
          Mocks.register("dispatchSubmissionDelegate", (JavaDelegate) e -> {});
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
          variables.put(SubmissionReviewProcess.DISPATCH_STOPPED, false);
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

  private static double[] wholeService() {
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

  /** Cycles per second after a warm-up, with 1 and with {@link #THREADS} threads. */
  private static double[] measure(Runnable cycle) {
    for (int i = 0; i < WARM_UP; i++) {
      cycle.run();
    }
    return new double[] {measure(cycle, 1), measure(cycle, THREADS)};
  }

  private static double measure(Runnable cycle, int threads) {
    AtomicInteger left = new AtomicInteger(CYCLES);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    cycle.run();
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A review cycle failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
    return CYCLES / ((System.nanoTime() - start) / 1e9);
  }
}
