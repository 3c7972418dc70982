package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.local.Applications.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The platform's figures, measured side by side in one run on the whole platform from its jars:
 * start time and memory of every application, the gateway against a direct call, case writes
 * through the gateway, and how long a saved case takes to become searchable. Prints them and writes
 * {@code infra/e2e/target/benchmarks/platform.md}. On demand only (see docs/performance.md).
 */
@EnabledIfSystemProperty(
    named = "amicus.benchmark",
    matches = "true",
    disabledReason = "a measurement, run on demand with -Damicus.benchmark=true")
class PlatformBenchmark {

  private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  private static final Duration RUN =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));
  private static final Duration WARMUP =
      Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 5));
  private static final int SEARCHABLE_SAMPLES = Integer.getInteger("benchmark.samples", 20);

  private final Platform platform = Platform.get();

  /** What one timed run gave. */
  record Run(String name, long requests, long failures, double seconds, List<Long> nanos) {
    double perSecond() {
      return requests / seconds;
    }

    double percentileMs(double p) {
      if (nanos.isEmpty()) {
        return Double.NaN;
      }
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, index)) / 1e6;
    }
  }

  @Test
  void measureThePlatform() throws Exception {
    String token = platform.token("anna");
    Api viaGateway = new Api(platform.gatewayUrl(), token);
    Api direct = new Api(platform.url(Application.CASES), token);
    long caseId =
        viaGateway
            .post(
                "/api/cases",
                Map.of(
                    "title", "Benchmark case",
                    "country", "KZ",
                    "status", "OPEN",
                    "riskLevel", "LOW",
                    "visibility", "ORGANISATION"))
            .json()
            .get("id")
            .asLong();
    String read = "/api/cases/" + caseId;

    timed("warm-up", WARMUP, () -> direct.get(read).status());
    timed("warm-up", WARMUP, () -> viaGateway.get(read).status());
    Run directRun = timed("direct to cases-service", RUN, () -> direct.get(read).status());
    Run gatewayRun = timed("through the gateway", RUN, () -> viaGateway.get(read).status());
    Run writes =
        timed(
            "create a case through the gateway",
            RUN,
            () ->
                viaGateway
                    .post(
                        "/api/cases",
                        Map.of(
                            "title", "Benchmark write",
                            "country", "KZ",
                            "status", "OPEN",
                            "riskLevel", "LOW",
                            "visibility", "ORGANISATION"))
                    .status());
    List<Long> searchable = saveToSearchable(viaGateway);

    String report = report(directRun, gatewayRun, writes, searchable);
    System.out.println(report);
    Path file = Path.of("target", "benchmarks", "platform.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    assertThat(directRun.failures() + gatewayRun.failures() + writes.failures()).isZero();
  }

  /** Creates cases with a word of their own and searches for it until it is found. */
  private List<Long> saveToSearchable(Api api) {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < SEARCHABLE_SAMPLES; i++) {
      String word = "bench" + Long.toString(System.nanoTime(), 36);
      long start = System.nanoTime();
      int status =
          api.post(
                  "/api/cases",
                  Map.of(
                      "title", "Searchable " + word,
                      "country", "KZ",
                      "status", "OPEN",
                      "riskLevel", "LOW",
                      "visibility", "COALITION"))
              .status();
      assertThat(status).isEqualTo(201);
      String query = "/api/search?type=case&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
      await("case " + i + " searchable")
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> api.get(query).json().path("total").asLong() > 0);
      nanos.add(System.nanoTime() - start);
    }
    return nanos;
  }

  private static Run timed(String name, Duration duration, Callable<Integer> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong failures = new AtomicLong();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + duration.toNanos();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long before = System.nanoTime();
                  int status;
                  try {
                    status = call.call();
                  } catch (Exception e) {
                    status = 599;
                  }
                  nanos.add(System.nanoTime() - before);
                  if (status >= 300) {
                    failures.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Run(name, nanos.size(), failures.get(), seconds, List.copyOf(nanos));
  }

  private String report(Run direct, Run gateway, Run writes, List<Long> searchable) {
    StringBuilder md = new StringBuilder();
    md.append("# Amicus platform benchmark\n\n");
    md.append(
        "Measured %s on %d cores, load average %.1f at the end; %d client threads, %d s per run.\n\n"
            .formatted(
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                THREADS,
                RUN.toSeconds()));
    md.append("## Start and memory (each application from its jar, as ./amicus up runs it)\n\n");
    md.append("| application | ready after s | RSS MB |\n|---|---:|---:|\n");
    for (Application application : Application.values()) {
      md.append(
          "| %s | %.1f | %d |\n"
              .formatted(
                  application.module(),
                  platform.readyAfter(application).toMillis() / 1000.0,
                  platform.rssMegabytes(application)));
    }
    md.append("\n## Gateway against direct (GET /api/cases/{id}, same token, same answer)\n\n");
    md.append(
        "| path | requests | failures | req/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
    for (Run run : List.of(direct, gateway)) {
      md.append(row(run));
    }
    md.append(
        "\nRatio gateway/direct: throughput %.2f, p50 %.2f, p99 %.2f\n"
            .formatted(
                gateway.perSecond() / direct.perSecond(),
                gateway.percentileMs(50) / direct.percentileMs(50),
                gateway.percentileMs(99) / direct.percentileMs(99)));
    md.append("\n## Writes\n\n");
    md.append(
        "| operation | requests | failures | req/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
    md.append(row(writes));
    Run saved = new Run("save to searchable", searchable.size(), 0, 1, searchable);
    md.append(
        "\n## Save to searchable (POST /api/cases through the gateway until /api/search finds it)\n\n"
            + "%d samples: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n"
                .formatted(
                    searchable.size(),
                    saved.percentileMs(50),
                    saved.percentileMs(95),
                    saved.percentileMs(100)));
    return md.toString();
  }

  private static String row(Run run) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
        run.name(),
        run.requests(),
        run.failures(),
        run.perSecond(),
        run.percentileMs(50),
        run.percentileMs(99));
  }
}
