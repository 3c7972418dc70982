package org.amicus.testkit.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One performance target of the project and how a benchmark run met it: the figure, the baseline it
 * is compared with in the same run (if the target is a ratio), the ratio, the goal and pass or
 * fail. Every benchmark writes its targets as one table of this shape in its report; {@link
 * PlatformReport} gathers them into one table at the top of the build's report.
 *
 * @param measure what was measured, e.g. "case read through the gateway"
 * @param now the figure, with its unit
 * @param baseline the figure it is compared with, or "—"
 * @param ratio figure ÷ baseline, or "—"
 * @param goal the target, e.g. "≥ 0.85"
 * @param pass whether the figure meets the goal
 */
public record Target(
    String measure, String now, String baseline, String ratio, String goal, boolean pass) {

  static final String HEADER = "| measure | now | baseline | ratio | target | result |";

  /** A target on a figure alone. */
  public static Target of(String measure, String now, String goal, boolean pass) {
    return new Target(measure, now, "—", "—", goal, pass);
  }

  /** A target on the ratio of a figure to its baseline measured in the same run. */
  public static Target ratio(
      String measure, double now, double baseline, String unit, double atLeast) {
    double ratio = baseline == 0 ? 0 : now / baseline;
    return new Target(
        measure,
        format(now) + " " + unit,
        format(baseline) + " " + unit,
        String.format(Locale.ROOT, "%.2f", ratio),
        String.format(Locale.ROOT, "≥ %.2f", atLeast),
        ratio >= atLeast);
  }

  /** The Markdown table of these targets, under a heading a reader and the gatherer both find. */
  public static String table(List<Target> targets) {
    StringBuilder table =
        new StringBuilder("## Targets\n\n")
            .append(HEADER)
            .append("\n|---|---:|---:|---:|---|---|\n");
    for (Target target : targets) {
      table.append(target.row()).append('\n');
    }
    return table.append('\n').toString();
  }

  /** The rows of every targets table in a report, as written. */
  static List<String> rowsIn(String markdown) {
    List<String> rows = new ArrayList<>();
    boolean inside = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.trim().equals(HEADER)) {
        inside = true;
      } else if (inside && line.startsWith("|---")) {
        continue;
      } else if (inside && line.startsWith("|")) {
        rows.add(line.trim());
      } else {
        inside = false;
      }
    }
    return rows;
  }

  String row() {
    return "| %s | %s | %s | %s | %s | %s |"
        .formatted(measure, now, baseline, ratio, goal, pass ? "pass" : "**fail**");
  }

  private static String format(double figure) {
    return figure >= 100
        ? String.format(Locale.ROOT, "%,.0f", figure)
        : String.format(Locale.ROOT, "%.1f", figure);
  }
}
