package org.amicus.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server of a data directory. {@code pg_ctl} detaches it from the supervisor that
 * starts it, so it is not among the supervisor's descendants: its PID comes from {@code
 * postmaster.pid}, and it outlives a supervisor that is killed.
 */
public final class Postmaster {

  private Postmaster() {}

  public static Optional<ProcessHandle> of(Path dataDir) {
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

  /**
   * Stops the server a killed supervisor left on the data directory: SIGTERM, then SIGKILL if it
   * has not ended within the grace. Does nothing when no server runs there.
   */
  public static void stopOrphan(Path dataDir, Duration grace) {
    of(dataDir)
        .ifPresent(
            postmaster -> {
              postmaster.destroy();
              try {
                postmaster.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (ExecutionException | TimeoutException e) {
                postmaster.destroyForcibly();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                postmaster.destroyForcibly();
              }
            });
  }
}
