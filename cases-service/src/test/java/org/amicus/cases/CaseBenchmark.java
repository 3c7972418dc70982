package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Case reads and writes per second through the whole stack (token check, access rules, JPA, outbox,
 * hash-chained audit), on this machine. Not a timed test: tagged {@code benchmark} and excluded
 * from normal builds. Run it with
 *
 * <pre>./mvnw -B verify -Pbenchmarks -pl cases-service -am</pre>
 *
 * <p>Figures are printed and written to {@code target/benchmarks/cases.md}.
 */
@Tag("benchmark")
class CaseBenchmark extends CasesIntegrationTest {

  private static final Duration RUN = Duration.ofSeconds(15);

  @Test
  void caseReadsAndWritesPerSecondWithAuditOn() throws Exception {
    long person =
        body(send(
                ANNA,
                "POST",
                "/api/persons",
                null,
                "{\"originalName\": \"Bench\", \"pseudonym\": \"B\", \"visibility\": \"ORGANISATION\"}"))
            .get("id")
            .asLong();
    String caseBody =
        "{\"title\": \"Benchmark\", \"country\": \"KZ\", \"personIds\": [%d], \"status\": \"OPEN\","
            + " \"riskLevel\": \"LOW\", \"visibility\": \"ORGANISATION\"}";
    long sample =
        body(send(ANNA, "POST", "/api/cases", null, caseBody.formatted(person))).get("id").asLong();
    send(ANNA, "POST", "/api/cases/" + sample + "/charges", null, "{\"article\": \"405\"}");
    token(ANNA);

    StringBuilder report = new StringBuilder("# cases-service benchmark\n\n");
    report.append("Measured ").append(Instant.now()).append(", ");
    report.append(Runtime.getRuntime().availableProcessors()).append(" processors, ");
    report.append(RUN.toSeconds()).append(" s per figure, through MockMvc with a real Keycloak");
    report.append(" token, real PostgreSQL, outbox and audit chain on.\n\n");
    report.append("| operation | threads | operations | per second |\n|---|---|---|---|\n");
    for (int threads : new int[] {1, 4}) {
      long reads =
          run(
              threads,
              () -> assertThat(getAs(ANNA, "/api/cases/" + sample).getStatus()).isEqualTo(200));
      row(report, "read a case (GET /api/cases/{id})", threads, reads);
      long writes =
          run(
              threads,
              () ->
                  assertThat(
                          send(ANNA, "POST", "/api/cases", null, caseBody.formatted(person))
                              .getStatus())
                      .isEqualTo(201));
      row(report, "create a case (POST /api/cases)", threads, writes);
    }
    Path out = Path.of("target", "benchmarks", "cases.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  interface Operation {
    void run() throws Exception;
  }

  private static long run(int threads, Operation operation) throws Exception {
    AtomicLong done = new AtomicLong();
    Instant end = Instant.now().plus(RUN);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  while (Instant.now().isBefore(end)) {
                    operation.run();
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return done.get();
  }

  private static void row(StringBuilder report, String what, int threads, long count) {
    report
        .append("| ")
        .append(what)
        .append(" | ")
        .append(threads)
        .append(" | ")
        .append(count)
        .append(" | ")
        .append(String.format("%.1f", count / (double) RUN.toSeconds()))
        .append(" |\n");
  }
}
