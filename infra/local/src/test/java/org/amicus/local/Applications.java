package org.amicus.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amicus.local.AppEnvironment.Wiring;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;

/**
 * The launcher's way of running the four applications, for the tests of the whole platform ({@code
 * infra/e2e}): the same jars, JVM options and environment as {@code ./amicus up}, on ports and
 * databases of the caller's choosing, against dependencies the caller started. Test code, shared
 * through this module's test jar, so the launcher's runtime never carries it.
 */
public final class Applications {

  /** The four applications, in the order {@code ./amicus status} lists them. */
  public enum Application {
    CASES(Part.CASES),
    WORKFLOW(Part.WORKFLOW),
    SEARCH(Part.SEARCH),
    GATEWAY(Part.GATEWAY);

    private final Part part;

    Application(Part part) {
      this.part = part;
    }

    /** The Maven module, e.g. {@code cases-service}. */
    public String module() {
      return part.module();
    }

    /** Whether the application keeps its data in PostgreSQL. */
    public boolean hasDatabase() {
      return this == CASES || this == WORKFLOW;
    }

    Part part() {
      return part;
    }
  }

  /**
   * What the applications run against and where.
   *
   * @param root the repository root, where each {@code
   *     <module>/target/amicus-<module>-<version>.jar} is
   * @param workDir each application gets a working directory and a log file under it
   * @param ports a loopback port per application
   * @param databases the PostgreSQL database of cases-service and workflow-service (created if
   *     missing)
   * @param extraEnvironment variables added per application after the launcher's own, e.g. another
   *     search index name; may be empty
   */
  public record Setup(
      Path root,
      Path workDir,
      Map<Application, Integer> ports,
      Map<Application, String> databases,
      PostgresInfo postgres,
      KeycloakInfo keycloak,
      ElasticsearchInfo elasticsearch,
      SmtpInfo smtp,
      Map<Application, Map<String, String>> extraEnvironment) {

    public Setup {
      ports = Map.copyOf(ports);
      databases = Map.copyOf(databases);
      extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** Where the other applications (and tests) reach an application directly. */
    public String url(Application application) {
      return AppEnvironment.url(options(), application.part());
    }

    /**
     * Where an application's Actuator answers (health, metrics): the gateway's management port, a
     * service's own port.
     */
    public String managementUrl(Application application) {
      return "http://127.0.0.1:" + options().managementPort(application.part());
    }

    /** The address users open, as the gateway is told it ({@code AMICUS_PUBLIC_URL}). */
    public String publicUrl() {
      return options().publicUrl();
    }

    LaunchOptions options() {
      Map<Part, Integer> byPart = new EnumMap<>(Part.class);
      ports.forEach((application, port) -> byPart.put(application.part(), port));
      return new LaunchOptions(byPart, EnumSet.copyOf(byPart.keySet()));
    }

    Wiring wiring() {
      return new Wiring(postgres, keycloak, elasticsearch, smtp);
    }
  }

  /**
   * Set to true to start the applications as {@code ./amicus up} does, with the class archive of
   * their previous clean stop, recording one when there is none (docs/performance.md "Start-up").
   * Off by default: a recording application takes up to two minutes to stop, which the tests that
   * stop and restart applications, and Surefire's 30 s for a test JVM to end, cannot afford; the
   * platform benchmark turns it on.
   */
  public static final String CLASS_DATA_PROPERTY = "amicus.class-data";

  private Applications() {}

  /** The version of the jars the launcher runs: this build's. */
  public static String version() {
    return Up.version();
  }

  /** The environment {@code ./amicus up} would give the application, with the setup's changes. */
  public static Map<String, String> environment(Application application, Setup setup) {
    Map<String, String> env =
        new LinkedHashMap<>(
            AppEnvironment.of(
                application.part(),
                setup.options(),
                setup.wiring(),
                part -> setup.databases().get(Application.valueOf(part.name()))));
    env.putAll(setup.extraEnvironment().getOrDefault(application, Map.of()));
    return env;
  }

  /**
   * Starts the application from its jar (creating its database first) and returns at once; call
   * {@link Running#awaitReady()} to wait for it.
   */
  public static Running start(Application application, Setup setup) {
    if (application.hasDatabase()) {
      setup.postgres().database(setup.databases().get(application));
    }
    Workspace workspace = new Workspace(setup.root());
    Path jar = workspace.jar(application.part(), version());
    if (!Files.isRegularFile(jar)) {
      throw new LaunchException(
          "%s is not built (%s is missing): package it first."
              .formatted(application.module(), jar));
    }
    Path dir = setup.workDir().resolve(application.part().id());
    AppProcess process =
        AppProcess.start(
            application.part(),
            jar,
            environment(application, setup),
            dir,
            setup.workDir().resolve(application.part().id() + ".log"),
            setup.options().managementPort(application.part()),
            Boolean.getBoolean(CLASS_DATA_PROPERTY)
                ? Optional.of(workspace.classData())
                : Optional.empty());
    return new Running(application, process);
  }

  /** A started application. */
  public static final class Running {

    private final Application application;
    private final AppProcess process;

    private Running(Application application, AppProcess process) {
      this.application = application;
      this.process = process;
    }

    public Application application() {
      return application;
    }

    /**
     * Blocks until the application's readiness probe answers 200; fails with its log's last lines
     * if it exits first or is not ready within the launcher's start timeout.
     */
    public Running awaitReady() {
      process.awaitReady();
      return this;
    }

    public boolean isAlive() {
      return process.handle().isAlive();
    }

    public long pid() {
      return process.handle().pid();
    }

    public Path log() {
      return process.log();
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL after a grace period; returns when it ended. */
    public void stop() {
      Processes.stop(List.of(process.handle()), process.stopGrace());
    }

    /** SIGKILL, as a crash: no shutdown hook runs. Returns when it ended. */
    public void kill() {
      process.handle().destroyForcibly();
      Processes.awaitExit(List.of(process.handle()), Duration.ofSeconds(10));
    }
  }
}
