package org.amicus.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts components in supervisor JVMs owned by one process, or finds them already running.
 *
 * <p>A file lock per component makes "start at most once" hold across every JVM of a build: the
 * first test JVM that needs Keycloak starts it, every later one reads its state file.
 */
public final class Supervisors {

  private final Path stateDir;
  private final long owner;

  public Supervisors(Path stateDir, long owner) {
    this.stateDir = stateDir;
    this.owner = owner;
  }

  /** The running component's state, starting it first if nobody has. */
  public Map<String, String> ensure(Component component, Options options) {
    Path stateFile = StateFile.of(stateDir, component);
    try {
      Files.createDirectories(stateDir);
      try (FileChannel channel =
              FileChannel.open(
                  stateDir.resolve(component.id() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Optional<Map<String, String>> running = StateFile.readLive(stateFile);
        if (running.isPresent()) {
          return running.get();
        }
        return start(component, options, stateFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + component.id(), e);
    }
  }

  private Map<String, String> start(Component component, Options options, Path stateFile)
      throws IOException {
    Files.deleteIfExists(stateFile);
    Path log = stateDir.resolve(component.id() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", supervisorClasspath(), Supervisor.class.getName()));
    command.addAll(List.of(component.id(), "--state", stateDir.toString()));
    command.addAll(List.of("--owner", Long.toString(owner)));
    if (options.port() != 0) {
      command.addAll(List.of("--port", Integer.toString(options.port())));
    }
    if (options.dataDir() != null) {
      command.addAll(List.of("--data", options.dataDir().toString()));
    }
    if (options.keepData()) {
      command.add("--keep-data");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(options.environment());
    Process process = builder.start();
    Instant deadline = Instant.now().plus(component.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      Optional<Map<String, String>> state = StateFile.readLive(stateFile);
      if (state.isPresent()) {
        return state.get();
      }
      if (!process.isAlive()) {
        throw failed(component, "its supervisor exited with code " + process.exitValue(), log);
      }
      sleep(Duration.ofMillis(200));
    }
    process.destroy();
    throw failed(component, "it was not ready after " + component.startTimeout(), log);
  }

  private static IllegalStateException failed(Component component, String why, Path log) {
    Path processLog = log.resolveSibling(component.id() + "-process.log");
    return new IllegalStateException(
        "%s did not start: %s.%nLast lines of %s:%n%s%nLast lines of %s:%n%s"
            .formatted(
                component.id(),
                why,
                log,
                LogTail.of(log, 30),
                processLog,
                LogTail.of(processLog, 40)));
  }

  private static String supervisorClasspath() {
    try (InputStream in =
        Supervisors.class.getResourceAsStream("/org/amicus/runtime/supervisor-classpath.txt")) {
      String own =
          Path.of(Supervisor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      String dependencies =
          in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return dependencies.isEmpty() ? own : own + java.io.File.pathSeparator + dependencies;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot find the runtime's classpath", e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting", e);
    }
  }

  /**
   * @param port 0 for a free port
   * @param dataDir null for a directory inside the state directory
   * @param keepData keep data across runs (local mode)
   * @param environment extra environment for the supervisor, e.g. generated secrets
   */
  public record Options(int port, Path dataDir, boolean keepData, Map<String, String> environment) {
    public static final Options EPHEMERAL = new Options(0, null, false, Map.of());
  }
}
