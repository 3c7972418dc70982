package org.amicus.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .amicus/run/launcher.json}: the running launcher and every part it started, so that {@code
 * ./amicus status} and {@code ./amicus down} work from another shell, and {@code down} finds
 * leftovers even after the launcher was killed.
 */
final class RunFile {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The state of a part in a run. */
  enum State {
    WAITING,
    STARTING,
    READY,
    FAILED,
    STOPPED
  }

  /**
   * @param name the part's id, e.g. {@code cases}
   * @param title what users call it, e.g. {@code cases-service}
   * @param url where to reach it
   * @param healthUrl {@code http://...} answers 200 or {@code tcp://host:port} accepts, when
   *     healthy
   * @param pid the application, or the dependency's supervisor; null before it starts
   * @param processes every process of the part (supervisor, the dependency's own processes)
   * @param log its log file
   */
  record Entry(
      String name,
      String title,
      String url,
      String healthUrl,
      Long pid,
      State state,
      List<ProcessRef> processes,
      String log) {

    Entry {
      processes = processes == null ? List.of() : List.copyOf(processes);
    }

    Entry with(State newState) {
      return new Entry(name, title, url, healthUrl, pid, newState, processes, log);
    }

    Entry with(Long newPid, List<ProcessRef> newProcesses) {
      return new Entry(name, title, url, healthUrl, newPid, state, newProcesses, log);
    }
  }

  /**
   * @param launcher the {@code ./amicus up} JVM
   * @param root the repository the run belongs to
   * @param publicUrl the gateway's address for users
   * @param components every part of the run, in start order
   */
  record Content(ProcessRef launcher, String root, String publicUrl, List<Entry> components) {

    Content {
      components = List.copyOf(components);
    }

    Optional<Entry> component(String name) {
      return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    Content with(Entry entry) {
      List<Entry> updated = new ArrayList<>();
      for (Entry existing : components) {
        updated.add(existing.name().equals(entry.name()) ? entry : existing);
      }
      return new Content(launcher, root, publicUrl, updated);
    }

    /** Every process recorded: the launcher, applications, supervisors and their children. */
    List<ProcessRef> processes() {
      List<ProcessRef> all = new ArrayList<>();
      all.add(launcher);
      components.forEach(c -> all.addAll(c.processes()));
      return all;
    }
  }

  private RunFile() {}

  static Optional<Content> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), Content.class));
    } catch (IOException e) {
      return Optional.empty(); // half-written by a crashed launcher: treat as absent
    }
  }

  /** Written atomically: a reader in another shell never sees half a file. */
  static void write(Path file, Content content) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), content);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
