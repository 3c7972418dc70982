package org.amicus.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The launcher's files under {@code .amicus/} at the repository root (gitignored): generated
 * secrets, data kept across runs, logs, and what is running now.
 */
record Workspace(Path root) {

  /** Set by the {@code amicus} script; the working directory otherwise. */
  static final String ROOT_PROPERTY = "amicus.root";

  static Workspace current() {
    return new Workspace(
        Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize());
  }

  Path home() {
    return root.resolve(".amicus");
  }

  Path secrets() {
    return home().resolve("secrets.properties");
  }

  /** Kept across runs: nothing users saved is lost by stopping and starting again. */
  Path data(Part part) {
    return home().resolve("data").resolve(part.id());
  }

  Path logs() {
    return home().resolve("logs");
  }

  Path log(Part part) {
    return logs().resolve(part.id() + ".log");
  }

  /** The supervisors' state files and {@code launcher.json}; nothing here outlives a run. */
  Path run() {
    return home().resolve("run");
  }

  Path runFile() {
    return run().resolve("launcher.json");
  }

  Path launcherLock() {
    return run().resolve("launcher.lock");
  }

  /**
   * The applications' extracted jars and class archives, one directory per jar digest ({@link
   * ClassData}); deleting it only makes the next start slower.
   */
  Path classData() {
    return home().resolve("class-data");
  }

  /** An application's jar as {@code ./mvnw package} leaves it. */
  Path jar(Part application, String version) {
    return root.resolve(application.module())
        .resolve("target")
        .resolve("amicus-" + application.module() + "-" + version + ".jar");
  }

  /**
   * Creates the directories. Only the owner may enter {@code .amicus/}: it holds the generated
   * secrets, and the supervisors' state files repeat some of them.
   */
  void prepare() {
    try {
      Files.createDirectories(home());
      Files.setPosixFilePermissions(home(), PosixFilePermissions.fromString("rwx------"));
      Files.createDirectories(logs());
      Files.createDirectories(run());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + home(), e);
    }
  }

  /**
   * A dependency's logs stay where its supervisor writes them (the run directory); links in the
   * logs directory put them beside the applications' logs.
   */
  void linkDependencyLogs(Part dependency) {
    link(log(dependency), run().resolve(dependency.id() + "-process.log"));
    link(
        logs().resolve(dependency.id() + "-supervisor.log"),
        run().resolve(dependency.id() + ".log"));
  }

  private static void link(Path link, Path target) {
    try {
      if (!Files.isSymbolicLink(link)) {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, link.getParent().relativize(target));
      }
    } catch (IOException e) {
      // only a convenience: the log is in the run directory either way
    }
  }
}
