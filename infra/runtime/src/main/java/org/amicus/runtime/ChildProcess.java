package org.amicus.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dependency that runs as its own OS process (Keycloak, the Elasticsearch node).
 *
 * <p>The child's standard input is a pipe that this JVM holds open and never writes to. However
 * this JVM ends, even by SIGKILL, the operating system closes the pipe, so a child that exits at
 * the end of its input (the Elasticsearch node does) never outlives its supervisor.
 */
final class ChildProcess {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new ChildProcess(name, builder.start(), log);
  }

  long pid() {
    return process.pid();
  }

  /** Fails with the component's name and the tail of its log when the process has died. */
  void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "%s exited with code %d while starting. Last lines of %s:%n%s"
              .formatted(name, process.exitValue(), log, LogTail.of(log, 40)));
    }
  }

  /**
   * Stops the process and everything it started: end of input and SIGTERM first, SIGKILL after a
   * grace period.
   */
  void stop() {
    closeInput();
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Closes the child's standard input: a child that waits for its end starts to shut down. */
  void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the child is gone already
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }
}
