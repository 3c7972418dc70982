package org.amicus.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amicus.local.RunFile.Content;

/**
 * {@code ./amicus down}: asks the launcher to stop (as Ctrl-C does) and waits until it, the
 * applications, the supervisors and their children are gone. If the launcher was killed, stops what
 * it left running itself. Nothing of the run survives.
 */
final class Down {

  /**
   * The launcher's own stop takes up to 20 s for applications (120 s while they write their class
   * archive) and 45 s for dependencies.
   */
  private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(180);

  private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

  private final Workspace workspace;
  private final PrintStream out;

  Down(Workspace workspace, PrintStream out) {
    this.workspace = workspace;
    this.out = out;
  }

  int run() {
    Optional<Content> run = RunFile.read(workspace.runFile());
    Optional<ProcessHandle> launcher = run.flatMap(content -> content.launcher().find());
    List<ProcessHandle> killed;
    if (launcher.isPresent()) {
      List<ProcessHandle> everything =
          new ArrayList<>(Processes.withDescendants(launcher.stream().toList()));
      Leftovers.find(workspace, run).stream()
          .filter(handle -> everything.stream().noneMatch(h -> h.pid() == handle.pid()))
          .forEach(everything::add);
      out.printf("Stopping Amicus (launcher PID %d)...%n", launcher.get().pid());
      launcher.get().destroy();
      killed = Processes.killAfter(everything, LAUNCHER_GRACE);
    } else {
      List<ProcessHandle> leftovers = Leftovers.find(workspace, run);
      if (leftovers.isEmpty()) {
        Leftovers.removeRunFiles(workspace);
        out.println("Amicus is not running.");
        return 0;
      }
      out.printf(
          "The launcher is gone; stopping the %d processes it left running...%n", leftovers.size());
      killed = Leftovers.stop(leftovers, LEFTOVER_GRACE);
    }
    Leftovers.removeRunFiles(workspace);
    if (!killed.isEmpty()) {
      out.printf(
          "Killed %s, which did not stop in time.%n",
          killed.stream().map(h -> "PID " + h.pid()).toList());
    }
    out.println("Stopped.");
    return 0;
  }
}
