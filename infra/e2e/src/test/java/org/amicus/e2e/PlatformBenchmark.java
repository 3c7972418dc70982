package org.amicus.e2e;

import static org.amicus.e2e.Records.caseOf;
import static org.amicus.e2e.Records.created;
import static org.amicus.e2e.Records.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.e2e.Api.Reply;
import org.amicus.local.Applications;
import org.amicus.local.Applications.Application;
import org.amicus.runtime.Component;
import org.amicus.testkit.ServerProcess;
import org.amicus.testkit.benchmark.PlatformReport;
import org.amicus.testkit.benchmark.Target;
import org.amicus.testkit.benchmark.Wrk;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform measured as users meet it, through the gateway with real Keycloak tokens: start time
 * and memory of every application, save-to-searchable time, the gateway's cost on a real service,
 * and a sustained mixed load. Writes {@code infra/e2e/target/benchmarks/platform.md}, then gathers
 * every module's report into {@code target/benchmarks/report.{md,html}}.
 *
 * <p>Tagged {@code benchmark}: {@code ./mvnw -B verify -Pbenchmarks} (docs/performance.md). It runs
 * last in the build, after every module's own benchmark.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBenchmark {

  private static final Duration TOKEN_LIFE = Duration.ofMinutes(2);

  private static final StringBuilder REPORT = new StringBuilder();

  private final Platform platform = Platform.get();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  @Test
  @Order(1)
  void everyApplicationStartsAndHowMuchMemoryItHolds() {
    if (Boolean.getBoolean(Applications.CLASS_DATA_PROPERTY)) {
      // the start every ./amicus up after the first makes: with the class archives written when
      // the first start's applications stopped
      platform.restartAllAtOnce();
    }
    StringBuilder table =
        new StringBuilder(
            """
            ## Start time and memory of every component

            Ready = from the JVM's start to its readiness probe answering, all four started at
            once as `./amicus up` does; RSS measured when all were ready, before any load.

            | application | ready after s | RSS MB |
            |---|---:|---:|
            """);
    long slowest = 0;
    long resident = 0;
    for (Application application : Application.values()) {
      slowest = Math.max(slowest, platform.readyAfter(application).toMillis());
      resident += platform.rssMegabytes(application);
      table.append(
          "| %s | %.1f | %d |%n"
              .formatted(
                  application.module(),
                  platform.readyAfter(application).toMillis() / 1000.0,
                  platform.rssMegabytes(application)));
      assertThat(platform.isRunning(application)).as(application.module()).isTrue();
    }
    table.append(
        """

        The dependencies: ready = from their supervisor starting the server to the server
        answering (Keycloak's start includes importing the realm; it may have been started by an
        earlier module of the same build). Memory = proportional set size of the server's
        processes, so PostgreSQL's shared memory counts once.

        | component | ready after s | memory MB |
        |---|---:|---:|
        """);
    for (Component component : Component.values()) {
      ServerProcess server = platform.process(component);
      table.append(
          "| %s | %.1f | %d |%n"
              .formatted(
                  component.id(),
                  server.readyAfter().toMillis() / 1000.0,
                  server.memoryMegabytes()));
      resident += server.memoryMegabytes();
    }
    table
        .append('\n')
        .append(
            Target.table(
                List.of(
                    Target.of(
                        "every application ready, started at once",
                        "%.1f s".formatted(slowest / 1000.0),
                        "≤ 30 s",
                        slowest <= 30_000),
                    Target.of(
                        "memory of the applications and dependencies",
                        "%.2f GiB".formatted(resident / 1024.0),
                        "≤ 3 GiB",
                        resident <= 3 * 1024))));
    REPORT.append(table).append('\n');
  }

  @Test
  @Order(2)
  void aSavedCaseIsFoundThroughTheGatewaySoon() {
    int samples = Integer.getInteger("benchmark.searchable.samples", 30);
    Api anna = as("anna");
    long person = protester(anna, "Ерлан Бенчмарков");
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      String word = uniqueWord();
      long started = System.nanoTime();
      created(
          anna.post(
              "/api/cases",
              caseOf("Detention after the rally " + word, person, List.of("ARBITRARY_DETENTION"))));
      await("case " + (i + 1) + " of " + samples + " searchable")
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  as("anna").get("/api/search?type=case&q=" + word).json().path("hits").size() > 0);
      nanos.add(System.nanoTime() - started);
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    REPORT.append(
        """
        ## Save to searchable

        `POST /api/cases` through the gateway, then `GET /api/search?q=<a word of its title>` every
        20 ms until it is found (cases-service → change feed → search-service → Elasticsearch).
        %d cases, one at a time.

        | measure | ms |
        |---|---:|
        | p50 | %.0f |
        | p95 | %.0f |
        | max | %.0f |

        %s
        """
            .formatted(
                samples,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 95)),
                millis(sorted[sorted.length - 1]),
                Target.table(
                    List.of(
                        Target.of(
                            "save to searchable, p95",
                            "%.0f ms".formatted(millis(percentile(sorted, 95))),
                            "≤ 2,000 ms",
                            millis(percentile(sorted, 95)) <= 2_000)))));
  }

  /**
   * The audited case read and create of the running cases-service, driven by {@code wrk} (a process
   * of its own) straight to the service and through the gateway, one after the other in this run,
   * with anna's real token: the figures, their ratio and issue 16's targets. The platform's gateway
   * runs with its rate limit raised (Platform), the documented benchmark setting: people's limits
   * are untouched in every other run.
   */
  @Test
  @Order(3)
  void caseReadsAndCreatesFromOutsideStraightAndThroughTheGateway() throws Exception {
    Assumptions.assumeTrue(Wrk.installed(), "wrk is not installed (Debian: apt-get install wrk)");
    int connections = Integer.getInteger("benchmark.connections", 8);
    int seconds = Integer.getInteger("benchmark.seconds", 15);
    int warmup = Integer.getInteger("benchmark.warmup", 5);
    Api anna = as("anna");
    long person = protester(anna, "Ерлан Шлюзов");
    long id =
        created(
                anna.post(
                    "/api/cases",
                    caseOf("Gateway benchmark case", person, List.of("ARBITRARY_DETENTION"))))
            .get("id")
            .asLong();
    String path = "/api/cases/" + id;
    String direct = platform.url(Application.CASES) + path;
    String gateway = platform.gatewayUrl() + path;

    Wrk.run(direct, platform.token("anna"), 2, connections, warmup);
    Wrk.run(gateway, platform.token("anna"), 2, connections, warmup);
    Wrk straight = Wrk.run(direct, platform.token("anna"), 2, connections, seconds);
    Wrk through = Wrk.run(gateway, platform.token("anna"), 2, connections, seconds);
    String newCase =
        Api.JSON.writeValueAsString(
            caseOf("Created under load", person, List.of("ARBITRARY_DETENTION")));
    Wrk create =
        Wrk.post(
            platform.url(Application.CASES) + "/api/cases",
            platform.token("anna"),
            newCase,
            2,
            connections,
            seconds);

    double p99Added = through.p99Millis() - straight.p99Millis();
    REPORT.append(
        """
        ## Case read and create, from outside, straight and through the gateway

        `wrk -t2 -c%d -d%ds --latency` (a process of its own) with anna's Keycloak token, after
        %d s of warm-up per path, one path after the other in this run; every application is a
        process of its own, as `./amicus up` runs them. Every read and create is audited.

        | measure | requests | errors | per second | p50 ms | p99 ms |
        |---|---:|---:|---:|---:|---:|
        %s
        %s
        %s

        %s
        """
            .formatted(
                connections,
                seconds,
                warmup,
                straight.row("`GET /api/cases/{id}` straight to cases-service"),
                through.row("`GET /api/cases/{id}` through the gateway"),
                create.row("`POST /api/cases` straight to cases-service"),
                Target.table(
                    List.of(
                        Target.of(
                            "case read, audited, straight",
                            "%,.0f/s, p99 %.1f ms"
                                .formatted(straight.perSecond(), straight.p99Millis()),
                            "≥ 1,000/s, p99 ≤ 50 ms",
                            straight.perSecond() >= 1_000 && straight.p99Millis() <= 50),
                        Target.ratio(
                            "case read, gateway ÷ straight",
                            through.perSecond(),
                            straight.perSecond(),
                            "req/s",
                            0.85),
                        Target.of(
                            "case read p99 added by the gateway",
                            "%+.1f ms".formatted(p99Added),
                            "≤ +5 ms",
                            p99Added <= 5),
                        Target.of(
                            "case create, audited, straight",
                            "%,.0f/s".formatted(create.perSecond()),
                            "≥ 300/s",
                            create.perSecond() >= 300)))));
    assertThat(straight.errors()).as("failed requests straight to the service").isZero();
    assertThat(through.errors()).as("failed requests through the gateway").isZero();
    assertThat(create.errors()).as("failed creates").isZero();
  }

  @Test
  @Order(4)
  void aSustainedMixedLoadRunsWithoutErrorsAndWithFlatMemory() {
    int threads = Integer.getInteger("benchmark.load.threads", 4);
    Duration length = Duration.ofSeconds(Long.getLong("benchmark.load.seconds", 180));
    Api setup = as("anna");
    long person = protester(setup, "Ерлан Нагрузов");
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cases.add(
          created(
                  setup.post(
                      "/api/cases",
                      caseOf("Load case " + uniqueWord(), person, List.of("ARBITRARY_DETENTION"))))
              .get("id")
              .asLong());
    }

    Map<Operation, Result> results = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      results.put(operation, new Result());
    }
    Map<Application, List<Long>> rss = new EnumMap<>(Application.class);
    Arrays.stream(Application.values()).forEach(a -> rss.put(a, new ArrayList<>()));
    sampleMemory(rss);

    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(() -> sampleMemory(rss), 10, 10, TimeUnit.SECONDS);
    try {
      loop(
          threads,
          length,
          () -> {
            Operation operation = Operation.pick();
            long started = System.nanoTime();
            results.get(operation).record(started, () -> perform(operation, cases, person));
          });
    } finally {
      sampler.shutdownNow();
    }
    sampleMemory(rss);

    StringBuilder table = new StringBuilder();
    StringBuilder failures = new StringBuilder();
    long errors = 0;
    for (Operation operation : Operation.values()) {
      Result result = results.get(operation);
      errors += result.failures.get();
      table.append(result.row(operation.description)).append('\n');
      if (result.firstFailure != null) {
        failures.append(
            "- %s, first failure: %s%n".formatted(operation.description, result.firstFailure));
      }
    }
    StringBuilder memory = new StringBuilder();
    for (Application application : Application.values()) {
      List<Long> samples = rss.get(application);
      int third = Math.max(1, samples.size() / 3);
      memory.append(
          "| %s | %d | %d | %d | %d |%n"
              .formatted(
                  application.module(),
                  samples.get(0),
                  samples.get(third),
                  samples.get(samples.size() - 1),
                  samples.stream().mapToLong(Long::longValue).max().orElse(-1)));
    }
    REPORT.append(
        """
        ## Sustained mixed load through the gateway

        %d client threads for %d s: case reads, case writes, searches and review-task completions
        (a partner submits a draft, the coordinator approves it from the inbox).

        | operation | requests | failures | req/s | p50 ms | p99 ms |
        |---|---:|---:|---:|---:|---:|
        %s
        %s
        Resident memory (MB) of every application, sampled every 10 s:

        | application | before | after a third | at the end | max |
        |---|---:|---:|---:|---:|
        %s
        """
            .formatted(threads, length.toSeconds(), table, failures, memory));
    assertThat(errors).as("failed operations under sustained load:%n%s", failures).isZero();
  }

  @Test
  @Order(5)
  void theReportGathersEveryBenchmarkOfTheBuild() throws IOException {
    String platformReport =
        "# Platform benchmark (through the gateway)\n\n"
            + "Command: `./mvnw -B verify -Pbenchmarks` (this part alone: `-pl infra/e2e -am`).\n\n"
            + REPORT;
    Path file = Path.of("target", "benchmarks", "platform.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, platformReport);

    PlatformReport report =
        new PlatformReport(
            Path.of(System.getProperty("amicus.root", "../..")).toAbsolutePath().normalize());
    String all = report.write();
    System.out.println(report.targets());
    assertThat(all).contains("Platform benchmark (through the gateway)", "Save to searchable");
    assertThat(report.reportDir().resolve("report.html")).exists();
  }

  // ---------------------------------------------------------------------------------------------

  /** What the load does, and how often (weights out of 100). */
  private enum Operation {
    READ("read a case", 50),
    WRITE("create a case", 20),
    SEARCH("search", 20),
    REVIEW("submit and approve a submission", 10);

    private final String description;
    private final int weight;

    Operation(String description, int weight) {
      this.description = description;
      this.weight = weight;
    }

    static Operation pick() {
      int roll = ThreadLocalRandom.current().nextInt(100);
      for (Operation operation : values()) {
        roll -= operation.weight;
        if (roll < 0) {
          return operation;
        }
      }
      return READ;
    }
  }

  private void perform(Operation operation, List<Long> cases, long person) {
    Api anna = as("anna");
    switch (operation) {
      case READ ->
          expect(
              anna.get(
                  "/api/cases/" + cases.get(ThreadLocalRandom.current().nextInt(cases.size()))),
              200);
      case WRITE ->
          expect(
              anna.post(
                  "/api/cases",
                  caseOf("Load case " + uniqueWord(), person, List.of("ARBITRARY_DETENTION"))),
              201);
      case SEARCH ->
          expect(
              anna.get(
                  "/api/search?q=" + URLEncoder.encode("detention rally", StandardCharsets.UTF_8)),
              200);
      case REVIEW -> submitAndApprove(anna, cases.get(0));
    }
  }

  /**
   * A one-organisation draft goes to review; citing a high-risk case, it needs two coordinators,
   * who approve it from their task inboxes one after the other.
   */
  private void submitAndApprove(Api anna, long caseId) {
    Reply draft =
        expect(
            anna.post(
                "/api/submissions",
                Records.ownDraft(
                    "Load submission " + uniqueWord(),
                    "Detention",
                    "Protesters remain detained.",
                    List.of(caseId))),
            201);
    String id = draft.json().get("id").asText();
    expect(Records.submit(anna, draft), 200);
    for (String coordinator : List.of("clara", "zoe")) {
      Api reviewer = as(coordinator);
      String task =
          await("the review task of " + id)
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> reviewTask(reviewer, id), found -> found != null);
      expect(
          reviewer.post(
              "/api/tasks/" + task + "/complete",
              Map.of("decision", "APPROVE", "comment", "Approved under load")),
          200);
    }
  }

  /**
   * The reply if its status is the expected one; otherwise a failure that says what was called and
   * the problem's title (synthetic records only: nothing personal).
   */
  private static Reply expect(Reply reply, int status) {
    if (reply.status() != status) {
      String path =
          reply.response().request().uri().getPath().replaceAll("/[0-9a-f-]{1,36}(?=/|$)", "/{id}");
      JsonNode problem = reply.status() >= 400 ? tryJson(reply) : null;
      throw new IllegalStateException(
          "%s %s answered %d%s"
              .formatted(
                  reply.response().request().method(),
                  path,
                  reply.status(),
                  problem == null
                      ? ""
                      : ": " + problem.path("title").asText() + " " + problem.path("fields")));
    }
    return reply;
  }

  private static JsonNode tryJson(Reply reply) {
    try {
      return reply.json();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String reviewTask(Api coordinator, String submission) {
    for (JsonNode task : coordinator.get("/api/tasks").json()) {
      if (task.path("submissionId").asText().equals(submission)
          && task.path("taskKey").asText().equals("Task_ReviewSubmission")) {
        return task.get("id").asText();
      }
    }
    return null;
  }

  private void sampleMemory(Map<Application, List<Long>> rss) {
    rss.forEach((application, samples) -> samples.add(platform.rssMegabytes(application)));
  }

  /** Client-side counts and latencies of one kind of request. */
  private static final class Result {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();
    private volatile long ended;

    private volatile String firstFailure;

    /** Runs the call, which fails by throwing, and counts it. */
    void record(long startedAt, Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        if (firstFailure == null) {
          firstFailure = String.valueOf(e.getMessage());
        }
      }
      long now = System.nanoTime();
      requests.incrementAndGet();
      nanos.add(now - startedAt);
      ended = now;
    }

    double throughput() {
      return requests.get() / Math.max(1e-9, (ended - started) / 1e9);
    }

    double percentileMillis(int p) {
      long[] sorted;
      synchronized (nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return sorted.length == 0 ? 0 : millis(percentile(sorted, p));
    }

    String row(String label) {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %.1f | %.1f | %.1f |",
          label,
          requests.get(),
          failures.get(),
          throughput(),
          percentileMillis(50),
          percentileMillis(99));
    }
  }

  /** {@code iteration} again and again on {@code threads} client threads for {@code length}. */
  private static void loop(int threads, Duration length, Runnable iteration) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Instant end = Instant.now().plus(length);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (Instant.now().isBefore(end)) {
                  iteration.run();
                }
              }));
    }
    try {
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A benchmark client thread failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  /** Tokens live five minutes in the realm: a fresh one every two, shared by the threads. */
  private String token(String user) {
    return tokens.compute(
            user,
            (name, current) ->
                current != null && current.fetched.plus(TOKEN_LIFE).isAfter(Instant.now())
                    ? current
                    : new Token(platform.token(name), Instant.now()))
        .value;
  }

  private record Token(String value, Instant fetched) {}

  private Api as(String user) {
    return new Api(platform.gatewayUrl(), token(user));
  }

  /** A protester documented by the coalition; returns the new person's id. */
  private static long protester(Api who, String name) {
    return created(who.post("/api/persons", person(name, List.of(), "PROTESTER", "Protester B.")))
        .get("id")
        .asLong();
  }

  /** Letters only, so the analyzer keeps it one token: "qzvkrmwp". */
  private static String uniqueWord() {
    StringBuilder word = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
