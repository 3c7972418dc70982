package org.amicus.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server of a data directory. {@code pg_ctl} detaches it from the supervisor that
 * starts it, so it is not among the supervisor's descendants: its PID comes from {@code
 * postmaster.pid}.
 */
final class Postmaster {

  private Postmaster() {}

  static Optional<ProcessHandle> of(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
