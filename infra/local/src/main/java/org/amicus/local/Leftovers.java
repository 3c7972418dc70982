package org.amicus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.amicus.local.RunFile.Content;
import org.amicus.runtime.Postmaster;

/**
 * What a launcher that ended abruptly (SIGKILL, a crash) may have left running: its applications
 * (its children, now orphans), supervisors still stopping, and a PostgreSQL server.
 */
final class Leftovers {

  private Leftovers() {}

  /** The recorded processes that still run, and the PostgreSQL server of the data directory. */
  static List<ProcessHandle> find(Workspace workspace, Optional<Content> run) {
    List<ProcessHandle> found = new ArrayList<>();
    run.ifPresent(content -> content.processes().forEach(ref -> ref.find().ifPresent(found::add)));
    Postmaster.of(workspace.data(Part.POSTGRES))
        .filter(postmaster -> found.stream().noneMatch(h -> h.pid() == postmaster.pid()))
        .ifPresent(found::add);
    found.removeIf(handle -> handle.pid() == ProcessHandle.current().pid());
    return found;
  }

  /** Stops them (SIGTERM, then SIGKILL after the grace) and removes the run's files. */
  static List<ProcessHandle> stop(List<ProcessHandle> leftovers, Duration grace) {
    return Processes.stop(leftovers, grace);
  }

  /** The run directory's files of a run that is over: launcher.json, supervisors' state. */
  static void removeRunFiles(Workspace workspace) {
    if (!Files.isDirectory(workspace.run())) {
      return;
    }
    try (Stream<Path> files = Files.list(workspace.run())) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json") || name.endsWith(".properties") || name.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // stale files are ignored anyway: their processes are gone
    }
  }
}
