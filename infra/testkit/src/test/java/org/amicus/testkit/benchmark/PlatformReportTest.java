package org.amicus.testkit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformReportTest {

  @TempDir Path root;

  @Test
  void gathersEveryModuleReportIntoOneMarkdownAndOneHtmlWithCharts() throws Exception {
    write(
        "gateway/target/benchmarks/gateway.md",
        """
        # Gateway benchmark

        | path | requests | req/s | p50 ms |
        |---|---:|---:|---:|
        | direct to service | 1,466 | 145 | 49.61 |
        | through gateway | 311 | 31 | 218.87 |

        Ratio gateway/direct: throughput 0.21
        """);
    write(
        "search-service/target/benchmarks/search.md",
        """
        # Search <benchmark>

        | measure | result |
        |---|---|
        | pipeline indexing rate | 157 docs/s |
        | raw bulk | 336 docs/s |
        """);
    write("gateway/src/test/resources/notes.md", "# Not a report\n");

    PlatformReport report = new PlatformReport(root);
    String markdown = report.write();

    assertThat(markdown)
        .contains("# Amicus benchmark report", "cores", "Gateway benchmark", "Search <benchmark>")
        .contains("_From `gateway/target/benchmarks/gateway.md`_")
        .doesNotContain("Not a report");
    assertThat(markdown.indexOf("Gateway benchmark")).isLessThan(markdown.indexOf("Search"));
    String html = Files.readString(root.resolve("target/benchmarks/report.html"));
    assertThat(html)
        .contains("<th>req/s</th>", "<td>through gateway</td>", "Search &lt;benchmark&gt;")
        .contains("aria-label=\"req/s\"", "aria-label=\"p50 ms\"", "aria-label=\"result\"");
    // the longest bar belongs to the largest value: 145 req/s direct against 31 through the gateway
    assertThat(html).contains("width=\"320\" height=\"16\"/><text x=\"586\" y=\"37\">145</text>");
    assertThat(Files.readString(root.resolve("target/benchmarks/report.md"))).isEqualTo(markdown);
  }

  @Test
  void putsEveryTargetOfEveryReportSideBySideAndCountsThoseMet() throws Exception {
    write(
        "gateway/target/benchmarks/gateway.md",
        "# Gateway\n\n"
            + Target.table(
                java.util.List.of(
                    Target.ratio("case read, gateway ÷ direct", 850, 1000, "req/s", 0.85))));
    write(
        "search-service/target/benchmarks/search.md",
        "# Search\n\n"
            + Target.table(
                java.util.List.of(
                    Target.of("query mix p95 at 100,000 documents", "61 ms", "≤ 50 ms", false),
                    Target.ratio("ingest, pipeline ÷ raw bulk", 2100, 3000, "docs/s", 0.7)))
            + "| not | a target |\n");

    PlatformReport report = new PlatformReport(root);
    String targets = report.targets();

    assertThat(targets)
        .contains(
            "| case read, gateway ÷ direct | 850 req/s | 1,000 req/s | 0.85 | ≥ 0.85 | pass |",
            "| query mix p95 at 100,000 documents | 61 ms | — | — | ≤ 50 ms | **fail** |",
            "| ingest, pipeline ÷ raw bulk | 2,100 docs/s | 3,000 docs/s | 0.70 | ≥ 0.70 | pass |",
            "2 of 3 targets met.")
        .doesNotContain("a target |");
    assertThat(report.write()).contains(targets);
  }

  @Test
  void saysHowToGetFiguresWhenNoBenchmarkRan() {
    assertThat(new PlatformReport(root).write()).contains("./mvnw -B verify -Pbenchmarks");
  }

  @Test
  void readsNumbersTheWayTheBenchmarksWriteThem() {
    assertThat(PlatformReport.number("1,466")).isEqualTo(1466.0);
    assertThat(PlatformReport.number("157 docs/s")).isEqualTo(157.0);
    assertThat(PlatformReport.number("~20")).isEqualTo(20.0);
    assertThat(PlatformReport.number("181 / 691 / 1089 ms")).isEqualTo(181.0);
    assertThat(PlatformReport.number("direct")).isNull();
  }

  private void write(String path, String text) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
