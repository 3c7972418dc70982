package org.amicus.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.amicus.runtime.StateFile;
import org.amicus.runtime.Supervisors;

/**
 * A running dependency's server process as its supervisor recorded it: how long the server took to
 * start and answer, and what it occupies in memory now.
 *
 * @param readyAfter from the supervisor starting the server to the server answering
 * @param pid the server's process (PostgreSQL's postmaster, Elasticsearch's or Keycloak's JVM, or
 *     the supervisor itself for the SMTP server that runs inside it)
 */
public record ServerProcess(Duration readyAfter, long pid) {

  /** From a component's state, as {@link Supervisors#ensure} returns it. */
  public static ServerProcess of(Map<String, String> state) {
    if (!state.containsKey(StateFile.READY_AFTER_MS)) {
      throw new IllegalStateException(
          "Started by an older test kit that did not record its server; stop it and start again");
    }
    return new ServerProcess(
        Duration.ofMillis(Long.parseLong(state.get(StateFile.READY_AFTER_MS))),
        Long.parseLong(state.get(StateFile.SERVER_PID)));
  }

  /**
   * Proportional set size of the server and its descendants, in MB: memory shared between its
   * processes (PostgreSQL's shared buffers) counted once, unlike a sum of their RSS. Zero once the
   * server has ended.
   */
  public long memoryMegabytes() {
    return ProcessHandle.of(pid).stream()
            .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
            .mapToLong(process -> pssKilobytes(process.pid()))
            .sum()
        / 1024;
  }

  private static long pssKilobytes(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
      return lines
          .filter(line -> line.startsWith("Pss:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0; // the process ended meanwhile
    }
  }
}
