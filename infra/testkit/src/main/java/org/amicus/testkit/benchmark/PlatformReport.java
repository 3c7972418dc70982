package org.amicus.testkit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one report of {@code ./mvnw verify -Pbenchmarks}: every module's {@code
 * target/benchmarks/*.md} gathered under the repository's {@code target/benchmarks/}, as Markdown
 * and as HTML with a bar chart for every numeric column of every table.
 *
 * <p>It reads the Markdown the benchmarks already write, so a benchmark needs nothing but its own
 * report to appear here.
 */
public final class PlatformReport {

  private static final Pattern NUMBER = Pattern.compile("^[~≈]?\\s*(-?[0-9][0-9,]*(?:\\.[0-9]+)?)");

  private final Path root;

  /**
   * @param root the repository root (the directory that holds the modules)
   */
  public PlatformReport(Path root) {
    this.root = root;
  }

  /** The module reports found, ordered by module path: the platform's own last. */
  public List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 5)) {
      files
          .filter(path -> path.getFileName().toString().endsWith(".md"))
          .filter(path -> path.getParent().getFileName().toString().equals("benchmarks"))
          .filter(path -> path.getParent().getParent().getFileName().toString().equals("target"))
          .filter(path -> !path.getParent().equals(reportDir()))
          .sorted(Comparator.comparing(path -> root.relativize(path).toString()))
          .forEach(path -> sections.add(Section.read(root, path)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the benchmark reports under " + root, e);
    }
    return sections;
  }

  public Path reportDir() {
    return root.resolve("target").resolve("benchmarks");
  }

  /** Writes {@code report.md} and {@code report.html}; returns the Markdown. */
  public String write() {
    List<Section> sections = sections();
    String machine = machine();
    StringBuilder md = new StringBuilder("# Amicus benchmark report\n\n").append(machine);
    StringBuilder html = new StringBuilder(HTML_HEAD).append("<h1>Amicus benchmark report</h1>\n");
    html.append("<p>").append(escape(machine.trim())).append("</p>\n");
    if (sections.isEmpty()) {
      md.append("\nNo benchmark wrote a report: run `./mvnw -B verify -Pbenchmarks`.\n");
    }
    String targets = targets(sections);
    md.append('\n').append(targets);
    html.append(Html.of(targets));
    for (Section section : sections) {
      md.append("\n---\n\n_From `").append(section.source()).append("`_\n\n");
      md.append(section.markdown().trim()).append('\n');
      html.append("<section>\n<p class=\"source\">From <code>")
          .append(escape(section.source()))
          .append("</code></p>\n")
          .append(Html.of(section.markdown()))
          .append("</section>\n");
    }
    html.append("</body></html>\n");
    try {
      Files.createDirectories(reportDir());
      Files.writeString(reportDir().resolve("report.md"), md, StandardCharsets.UTF_8);
      Files.writeString(reportDir().resolve("report.html"), html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report under " + reportDir(), e);
    }
    return md.toString();
  }

  /**
   * Every target of every report, side by side: figure, baseline, ratio, goal and result, and how
   * many were met.
   */
  public String targets() {
    return targets(sections());
  }

  private static String targets(List<Section> sections) {
    StringBuilder table =
        new StringBuilder("## Targets of this run\n\n")
            .append(Target.HEADER)
            .append("\n|---|---:|---:|---:|---|---|\n");
    int rows = 0;
    int met = 0;
    for (Section section : sections) {
      for (String row : Target.rowsIn(section.markdown())) {
        table.append(row).append('\n');
        rows++;
        met += row.endsWith("| pass |") ? 1 : 0;
      }
    }
    return table.append("\n%d of %d targets met.\n".formatted(met, rows)).toString();
  }

  /** Date, cores, memory and load: figures mean little without them. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long totalMemory = totalMemoryBytes();
    return "Measured %s on %s (%s), %d cores, %s memory, load average %.1f when the report was written; Java %s.\n"
        .formatted(
            ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            runtime.availableProcessors(),
            totalMemory > 0
                ? "%.0f GiB".formatted(totalMemory / (1024.0 * 1024 * 1024))
                : "unknown",
            load,
            System.getProperty("java.version"));
  }

  private static long totalMemoryBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  /** A number at the start of a table cell ("1,466", "49.61", "~20"), if there is one. */
  static Double number(String cell) {
    Matcher matcher = NUMBER.matcher(cell.trim());
    return matcher.find() ? Double.valueOf(matcher.group(1).replace(",", "")) : null;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /**
   * One module's report.
   *
   * @param source its path from the repository root
   * @param markdown its text
   */
  public record Section(String source, String markdown) {
    static Section read(Path root, Path file) {
      try {
        return new Section(
            root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  /** The little Markdown the benchmarks write (headings, tables, code, paragraphs) as HTML. */
  static final class Html {

    private static final int BAR_WIDTH = 320;

    private Html() {}

    static String of(String markdown) {
      StringBuilder out = new StringBuilder();
      List<String> table = new ArrayList<>();
      boolean code = false;
      for (String line : markdown.split("\n", -1)) {
        if (line.startsWith("```")) {
          out.append(code ? "</pre>\n" : "<pre>");
          code = !code;
          continue;
        }
        if (code) {
          out.append(escape(line)).append('\n');
          continue;
        }
        if (line.startsWith("|")) {
          table.add(line);
          continue;
        }
        if (!table.isEmpty()) {
          out.append(table(table));
          table.clear();
        }
        if (line.startsWith("#")) {
          int level = Math.min(6, (int) line.chars().takeWhile(c -> c == '#').count() + 1);
          out.append(
              "<h%d>%s</h%d>\n".formatted(level, escape(line.replaceFirst("^#+\\s*", "")), level));
        } else if (!line.isBlank()) {
          out.append("<p>").append(escape(line)).append("</p>\n");
        }
      }
      if (!table.isEmpty()) {
        out.append(table(table));
      }
      return out.toString();
    }

    private static List<String> cells(String row) {
      String trimmed = row.trim();
      trimmed =
          trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
      return List.of(trimmed.split("\\|", -1)).stream().map(String::trim).toList();
    }

    /** The table itself, then one bar chart per column whose cells are all numbers. */
    private static String table(List<String> rows) {
      List<String> header = cells(rows.get(0));
      List<List<String>> body =
          rows.stream()
              .skip(1)
              .filter(row -> !row.matches("^\\|[\\s:|-]+\\|?\\s*$"))
              .map(Html::cells)
              .toList();
      StringBuilder out = new StringBuilder("<table>\n<tr>");
      header.forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
      out.append("</tr>\n");
      for (List<String> row : body) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</table>\n");
      for (int column = 1; column < header.size(); column++) {
        final int c = column;
        List<Double> values =
            body.stream().map(row -> c < row.size() ? number(row.get(c)) : null).toList();
        if (body.size() >= 2 && values.stream().allMatch(v -> v != null)) {
          out.append(chart(header.get(c), body.stream().map(row -> row.get(0)).toList(), values));
        }
      }
      return out.toString();
    }

    private static String chart(String title, List<String> labels, List<Double> values) {
      double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
      int rowHeight = 22;
      int labelWidth = 260;
      int height = rowHeight * labels.size() + 28;
      StringBuilder svg =
          new StringBuilder(
              "<figure><svg role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">\n"
                  .formatted(escape(title), labelWidth + BAR_WIDTH + 90, height));
      svg.append("<text x=\"0\" y=\"14\" class=\"title\">%s</text>\n".formatted(escape(title)));
      for (int i = 0; i < labels.size(); i++) {
        int y = 24 + i * rowHeight;
        double value = values.get(i);
        int width = max <= 0 ? 0 : (int) Math.round(BAR_WIDTH * Math.max(0, value) / max);
        svg.append(
            "<text x=\"0\" y=\"%d\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\"/><text x=\"%d\" y=\"%d\">%s</text>\n"
                .formatted(
                    y + 13,
                    escape(labels.get(i)),
                    labelWidth,
                    y,
                    Math.max(1, width),
                    labelWidth + width + 6,
                    y + 13,
                    String.format(
                        Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.2f", value)));
      }
      return svg.append("</svg></figure>\n").toString();
    }
  }

  private static final String HTML_HEAD =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Amicus benchmark report</title>
      <style>
      body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
      table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
      th, td { border: 1px solid #c9d1d9; padding: 0.25rem 0.6rem; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      section { border-top: 1px solid #d0d7de; margin-top: 1.5rem; }
      .source { color: #57606a; font-size: 0.85rem; }
      figure { margin: 0.5rem 0 1rem; }
      svg text { font-size: 12px; fill: #1b1f24; }
      svg text.title { font-weight: 600; }
      svg rect { fill: #2f6f9f; }
      pre { background: #f6f8fa; padding: 0.5rem; overflow-x: auto; }
      </style></head><body>
      """;
}
