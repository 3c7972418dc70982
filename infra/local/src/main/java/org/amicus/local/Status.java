package org.amicus.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amicus.local.RunFile.Content;
import org.amicus.local.RunFile.Entry;
import org.amicus.local.RunFile.State;

/**
 * {@code ./amicus status [--json]}: every part's URL, PID and health, checked now. Exit code 0 when
 * all are up, 1 when some are not, 3 when Amicus is not running.
 */
final class Status {

  static final int ALL_UP = 0;
  static final int NOT_ALL_UP = 1;
  static final int NOT_RUNNING = 3;

  /** A part's health, as users read it. */
  enum Health {
    UP,
    STARTING,
    WAITING,
    DOWN;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line of the report. */
  record Row(
      String name,
      String title,
      String url,
      Long pid,
      List<Long> processes,
      Health health,
      String log) {}

  private final Workspace workspace;
  private final PrintStream out;

  Status(Workspace workspace, PrintStream out) {
    this.workspace = workspace;
    this.out = out;
  }

  int run(boolean json) {
    Optional<Content> run = RunFile.read(workspace.runFile());
    Optional<ProcessHandle> launcher = run.flatMap(content -> content.launcher().find());
    if (launcher.isEmpty()) {
      String why =
          run.isPresent()
              ? "Amicus is not running (its last launcher, PID %d, ended without stopping; ./amicus down cleans up after it)."
                  .formatted(run.get().launcher().pid())
              : "Amicus is not running.";
      if (json) {
        print(Map.of("running", false, "message", why));
      } else {
        out.println(why);
      }
      return NOT_RUNNING;
    }
    Content content = run.get();
    List<Row> rows = content.components().parallelStream().map(Status::row).toList();
    boolean allUp = rows.stream().allMatch(row -> row.health() == Health.UP);
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("running", true);
      report.put("healthy", allUp);
      report.put("url", content.publicUrl());
      report.put("launcherPid", content.launcher().pid());
      report.put(
          "components",
          rows.stream()
              .map(
                  row -> {
                    Map<String, Object> component = new LinkedHashMap<>();
                    component.put("name", row.name());
                    component.put("title", row.title());
                    component.put("url", row.url());
                    component.put("pid", row.pid());
                    component.put("processes", row.processes());
                    component.put("health", row.health().label());
                    component.put("log", row.log());
                    return component;
                  })
              .toList());
      print(report);
    } else {
      table(content, rows);
    }
    return allUp ? ALL_UP : NOT_ALL_UP;
  }

  static Row row(Entry entry) {
    return new Row(
        entry.name(),
        entry.title(),
        entry.url(),
        entry.pid(),
        entry.processes().stream().map(ProcessRef::pid).toList(),
        health(entry),
        entry.log());
  }

  private static Health health(Entry entry) {
    if (entry.state() == State.WAITING) {
      return Health.WAITING;
    }
    boolean alive =
        entry.pid() != null
            && ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
    if (!alive) {
      return entry.state() == State.STARTING && entry.pid() == null ? Health.STARTING : Health.DOWN;
    }
    if (org.amicus.local.Health.isUp(entry.healthUrl())) {
      return Health.UP;
    }
    return entry.state() == State.STARTING ? Health.STARTING : Health.DOWN;
  }

  private void table(Content content, List<Row> rows) {
    String where =
        content.component(Part.GATEWAY.id()).isPresent() ? " at " + content.publicUrl() : "";
    out.printf("Amicus%s (launcher PID %d)%n%n", where, content.launcher().pid());
    String format = "%-17s %-34s %-8s %s%n";
    out.printf(format, "COMPONENT", "URL", "PID", "HEALTH");
    for (Row row : rows) {
      out.printf(
          format,
          row.title(),
          row.url(),
          row.pid() == null ? "-" : row.pid().toString(),
          row.health().label());
    }
  }

  private void print(Object report) {
    try {
      out.println(RunFile.JSON.writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
