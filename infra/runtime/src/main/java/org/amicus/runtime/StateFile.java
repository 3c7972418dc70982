package org.amicus.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** A running component's endpoints, written once it is ready; readers never see half a file. */
public final class StateFile {

  public static final String PID = "supervisor.pid";

  /** How long the server took to start and answer, in milliseconds (the supervisor's JVM aside). */
  public static final String READY_AFTER_MS = "ready.after.ms";

  /** The server's process; with its descendants, what the server occupies. */
  public static final String SERVER_PID = "server.pid";

  private StateFile() {}

  static Path of(Path stateDir, Component component) {
    return stateDir.resolve(component.id() + ".properties");
  }

  static void write(Path file, Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        properties.store(out, "written by the Amicus supervisor; deleted when it stops");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Map<String, String>> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    Map<String, String> values = new TreeMap<>();
    properties.forEach((k, v) -> values.put((String) k, (String) v));
    return Optional.of(values);
  }

  /** The state of a component whose supervisor is still alive, if any. */
  static Optional<Map<String, String>> readLive(Path file) {
    return read(file)
        .filter(
            values ->
                values.containsKey(PID)
                    && ProcessHandle.of(Long.parseLong(values.get(PID)))
                        .map(ProcessHandle::isAlive)
                        .orElse(false));
  }
}
