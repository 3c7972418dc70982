package org.amicus.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.amicus.runtime.Component;
import org.amicus.runtime.Directories;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.Postmaster;
import org.amicus.runtime.SmtpInfo;
import org.amicus.runtime.Supervisors;

/**
 * The real dependencies of a test run, started on first use and shared by every test class and
 * module of the same Maven build. They stop when the build ends.
 */
public final class RealDependencies {

  /** Overrides which process owns the dependencies (they stop when it ends). */
  public static final String OWNER_ENV = "AMICUS_TESTKIT_OWNER";

  private static final String MAVEN_MAIN = "org.codehaus.plexus.classworlds.launcher.Launcher";
  private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "amicus-testkit");

  private static volatile Supervisors shared;

  private RealDependencies() {}

  public static PostgresInfo postgres() {
    return new PostgresInfo(ensure(Component.POSTGRES));
  }

  public static KeycloakInfo keycloak() {
    return new KeycloakInfo(ensure(Component.KEYCLOAK));
  }

  public static ElasticsearchInfo elasticsearch() {
    return new ElasticsearchInfo(ensure(Component.ELASTICSEARCH));
  }

  public static SmtpInfo smtp() {
    return new SmtpInfo(ensure(Component.SMTP));
  }

  /** A dependency's server process, started if it does not run yet. */
  public static ServerProcess process(Component component) {
    return ServerProcess.of(ensure(component));
  }

  private static java.util.Map<String, String> ensure(Component component) {
    return supervisors().ensure(component, Supervisors.Options.EPHEMERAL);
  }

  static synchronized Supervisors supervisors() {
    if (shared == null) {
      long owner = owner();
      removeLeftoversOfEndedOwners();
      shared = new Supervisors(ROOT.resolve(Long.toString(owner)), owner);
    }
    return shared;
  }

  /** The Maven JVM running this build if there is one, else this JVM (an IDE run). */
  static long owner() {
    String configured = System.getenv(OWNER_ENV);
    if (configured != null && !configured.isBlank()) {
      return Long.parseLong(configured.trim());
    }
    Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
    while (ancestor.isPresent()) {
      ProcessHandle handle = ancestor.get();
      boolean maven =
          handle.info().commandLine().map(line -> line.contains(MAVEN_MAIN)).orElse(false);
      if (maven) {
        return handle.pid();
      }
      ancestor = handle.parent();
    }
    return ProcessHandle.current().pid();
  }

  private static void removeLeftoversOfEndedOwners() {
    if (!Files.isDirectory(ROOT)) {
      return;
    }
    try (Stream<Path> owners = Files.list(ROOT)) {
      owners
          .filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .filter(
              dir ->
                  ProcessHandle.of(Long.parseLong(dir.getFileName().toString()))
                      .map(h -> !h.isAlive())
                      .orElse(true))
          .forEach(
              dir -> {
                stopOrphanedPostmasters(dir);
                Directories.deleteQuietly(dir);
              });
    } catch (IOException e) {
      // leftovers only cost disk space; never fail a test run for them
    }
  }

  /** A PostgreSQL server whose supervisor was killed outlives it and would keep its port. */
  private static void stopOrphanedPostmasters(Path ownerDir) {
    try (Stream<Path> paths = Files.walk(ownerDir)) {
      paths
          .filter(path -> path.getFileName().toString().equals("postmaster.pid"))
          .forEach(pidFile -> Postmaster.stopOrphan(pidFile.getParent(), Duration.ofSeconds(15)));
    } catch (IOException | UncheckedIOException e) {
      // best effort, like the deletion
    }
  }
}
