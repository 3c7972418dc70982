package org.amicus.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amicus.runtime.LogTail;

/** One application, run from its jar as a child process of the launcher. */
final class AppProcess {

  /** Small heaps and the C1 compiler only: four services start faster and fit beside the rest. */
  static final List<String> JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  /** From SIGTERM to SIGKILL; the first run of a jar also writes its class archive then. */
  static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** Writing the archive takes the JVM from seconds on a quiet machine to minutes on a busy one. */
  static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(120);

  private static final Duration POLL = Duration.ofMillis(500);

  private final Part application;
  private final Process process;
  private final Path log;
  private final String healthUrl;
  private final boolean recordsClasses;

  private AppProcess(
      Part application, Process process, Path log, String healthUrl, boolean recordsClasses) {
    this.application = application;
    this.process = process;
    this.log = log;
    this.healthUrl = healthUrl;
    this.recordsClasses = recordsClasses;
  }

  /**
   * Starts the jar with the given environment added to the launcher's own; the previous run's log
   * is kept as {@code <name>.log.1}. With {@code classData}, the jar runs extracted under it, with
   * the classes archived by its previous clean stop ({@link ClassData}); without, from the jar.
   */
  static AppProcess start(
      Part application,
      Path jar,
      Map<String, String> env,
      Path workDir,
      Path log,
      int managementPort,
      Optional<Path> classData) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ClassData.Launch launch =
        classData
            .map(cache -> ClassData.prepare(java, jar, cache))
            .orElseGet(() -> ClassData.Launch.plain(jar));
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(launch.options());
    command.addAll(List.of("-jar", launch.jar().toString()));
    try {
      Files.createDirectories(workDir);
      if (Files.exists(log)) {
        Files.move(
            log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      Process process = builder.start();
      process.onExit().thenAccept(ended -> launch.keepArchive(ended.exitValue()));
      return new AppProcess(
          application,
          process,
          log,
          Health.httpUrl(managementPort, "/actuator/health/readiness"),
          launch.recording().isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + application.title(), e);
    }
  }

  /**
   * Blocks until the application reports itself ready; fails with its log's last lines if it exits
   * first or takes longer than {@link #START_TIMEOUT}.
   */
  void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!Health.isUp(healthUrl)) {
      try {
        process.onExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        throw new LaunchException(
            "%s exited with code %d while starting. Last lines of %s:%n%s"
                .formatted(application.title(), process.exitValue(), log, LogTail.of(log, 30)));
      } catch (TimeoutException stillRunning) {
        if (Instant.now().isAfter(deadline)) {
          throw new LaunchException(
              "%s was not ready after %d s. Last lines of %s:%n%s"
                  .formatted(
                      application.title(), START_TIMEOUT.toSeconds(), log, LogTail.of(log, 30)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LaunchException("Interrupted while waiting for " + application.title(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** How long a graceful stop may take before the process is killed. */
  Duration stopGrace() {
    return recordsClasses ? RECORDING_STOP_GRACE : STOP_GRACE;
  }

  Part application() {
    return application;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  String healthUrl() {
    return healthUrl;
  }

  Path log() {
    return log;
  }
}
