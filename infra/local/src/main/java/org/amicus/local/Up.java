package org.amicus.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.amicus.local.AppEnvironment.Wiring;
import org.amicus.local.RunFile.State;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.Postmaster;
import org.amicus.runtime.SmtpInfo;

/**
 * {@code ./amicus up}: the dependencies in parallel, each application as soon as what it needs is
 * ready, then demo data and a summary; runs until Ctrl-C or {@code ./amicus down}.
 */
final class Up {

  /** Epoch seconds at which the amicus script started. */
  static final String INVOKED_PROPERTY = "amicus.invoked";

  private static final Duration DEPENDENCY_STOP_GRACE = Duration.ofSeconds(45);

  private final Workspace workspace;
  private final LaunchOptions options;
  private final PrintStream out;
  private final Instant invoked = invoked();
  private final List<AppProcess> apps = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile Run run;

  /** Held for the launcher's lifetime: a second {@code up} cannot take it. */
  @SuppressWarnings("unused")
  private FileLock lock;

  Up(Workspace workspace, LaunchOptions options, PrintStream out) {
    this.workspace = workspace;
    this.options = options;
    this.out = out;
  }

  /** Starts everything and blocks until the launcher is stopped. */
  void run() throws InterruptedException {
    String version = version();
    checkBeforeStart(version);
    List<String> demoUsers = options.runs(Part.KEYCLOAK) ? DemoAccounts.usernames() : List.of();
    warnIfSecretsLost();
    Secrets secrets = Secrets.loadOrCreate(workspace.secrets(), demoUsers);

    run = new Run(workspace, options, ProcessRef.of(ProcessHandle.current()));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "amicus-stop"));
    out.printf("Starting Amicus in %s%n", workspace.root());
    if (options.runs(Part.KEYCLOAK)) {
      out.println("  (Keycloak takes a minute or two; its first start on this machine longer)");
    }
    Map<Part, CompletableFuture<Map<String, String>>> ready;
    try {
      ready = startAll(secrets, version);
    } catch (LaunchException e) {
      if (stopping) { // Ctrl-C or ./amicus down while starting: what failed was stopped on purpose
        stopped.await();
        return;
      }
      throw e;
    }

    Optional<KeycloakInfo> keycloak =
        options.runs(Part.KEYCLOAK)
            ? Optional.of(new KeycloakInfo(ready.get(Part.KEYCLOAK).join()))
            : Optional.empty();
    String demo =
        options.runs(Part.CASES)
            ? "the facts of the 2019 UPR statement, loaded by cases-service on its first start"
                + (options.runs(Part.WORKFLOW) && options.runs(Part.SEARCH)
                    ? "; workflow-service adds a joint submission in review and a sent briefing"
                        + " once search-service knows the demo names"
                    : "")
            : "none (cases-service is not part of this run)";
    new Summary(out, workspace, options, secrets)
        .print(elapsed(), keycloak.isPresent() ? DemoAccounts.all() : List.of(), demo);
    stopped.await();
  }

  /** Nothing starts unless the whole run can: one launcher, free ports, built applications. */
  private void checkBeforeStart(String version) {
    workspace.prepare();
    lockOrRefuse();
    cleanLeftovers();
    PortCheck.requireUsable(options);
    for (Part part : options.parts()) {
      if (part.isApplication() && !Files.isRegularFile(workspace.jar(part, version))) {
        throw new LaunchException(
            "%s is not built (%s is missing). Run ./amicus up, which builds it, or ./mvnw -DskipTests package."
                .formatted(
                    part.title(), workspace.root().relativize(workspace.jar(part, version))));
      }
    }
  }

  /**
   * The dependencies in parallel, each application as soon as the dependencies it needs are ready;
   * returns when all are ready, or fails with the first failure.
   */
  private Map<Part, CompletableFuture<Map<String, String>>> startAll(
      Secrets secrets, String version) {
    Dependencies dependencies =
        new Dependencies(workspace, options, secrets, ProcessHandle.current().pid());
    ExecutorService pool =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "amicus-start");
              thread.setDaemon(true);
              return thread;
            });
    Map<Part, CompletableFuture<Map<String, String>>> ready = new EnumMap<>(Part.class);
    for (Part part : options.parts()) {
      if (!part.isApplication()) {
        ready.put(
            part, CompletableFuture.supplyAsync(() -> startDependency(dependencies, part), pool));
      }
    }
    List<CompletableFuture<?>> all = new ArrayList<>(ready.values());
    for (Part part : options.parts()) {
      if (part.isApplication()) {
        CompletableFuture<?>[] needs =
            part.needs().stream().map(ready::get).toArray(CompletableFuture[]::new);
        all.add(
            CompletableFuture.allOf(needs)
                .thenRunAsync(() -> startApplication(part, version, wiring(ready)), pool));
      }
    }
    awaitAllOrFirstFailure(all);
    return ready;
  }

  private void lockOrRefuse() {
    try {
      FileChannel channel =
          FileChannel.open(
              workspace.launcherLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw alreadyRunning();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + workspace.launcherLock(), e);
    }
  }

  private LaunchException alreadyRunning() {
    String pid =
        RunFile.read(workspace.runFile())
            .map(content -> " (launcher PID " + content.launcher().pid() + ")")
            .orElse("");
    return new LaunchException(
        "Amicus is already running"
            + pid
            + ". See it with ./amicus status, stop it with ./amicus down (or Ctrl-C where it runs).");
  }

  /** A launcher that ended abruptly leaves its applications (and maybe PostgreSQL) running. */
  private void cleanLeftovers() {
    Optional<RunFile.Content> previous = RunFile.read(workspace.runFile());
    if (previous.flatMap(content -> content.launcher().find()).isPresent()) {
      throw alreadyRunning();
    }
    List<ProcessHandle> leftovers = Leftovers.find(workspace, previous);
    if (!leftovers.isEmpty()) {
      out.printf(
          "Stopping %d processes left running by a launcher that ended abruptly...%n",
          leftovers.size());
      Leftovers.stop(leftovers, AppProcess.STOP_GRACE);
    }
    Leftovers.removeRunFiles(workspace);
  }

  private void warnIfSecretsLost() {
    if (!Files.exists(workspace.secrets())
        && Files.isDirectory(workspace.data(Part.KEYCLOAK).resolve("data"))) {
      out.println(
          "Warning: .amicus/secrets.properties is gone but Keycloak's data is kept, so Keycloak keeps"
              + " the old secrets and demo passwords. To start over, stop Amicus and delete"
              + " .amicus/data/keycloak.");
    }
  }

  private Map<String, String> startDependency(Dependencies dependencies, Part part) {
    long started = System.nanoTime();
    run.update(part, entry -> entry.with(State.STARTING));
    Map<String, String> state;
    try {
      state = dependencies.start(part);
    } catch (RuntimeException e) {
      run.update(part, entry -> entry.with(State.FAILED));
      throw new LaunchException(e.getMessage(), e);
    }
    long supervisor = Dependencies.supervisorPid(state);
    List<ProcessHandle> processes =
        new ArrayList<>(
            ProcessHandle.of(supervisor)
                .map(h -> Processes.withDescendants(List.of(h)))
                .orElse(List.of()));
    if (part == Part.POSTGRES) {
      Postmaster.of(workspace.data(part)).ifPresent(processes::add);
    }
    List<ProcessRef> refs = processes.stream().map(ProcessRef::of).toList();
    run.update(
        part,
        entry ->
            new RunFile.Entry(
                entry.name(),
                entry.title(),
                Dependencies.url(part, state),
                Dependencies.healthUrl(part, state),
                supervisor,
                State.READY,
                refs,
                entry.log()));
    progress(part, started);
    return state;
  }

  private Wiring wiring(Map<Part, CompletableFuture<Map<String, String>>> ready) {
    return new Wiring(
        info(ready, Part.POSTGRES, PostgresInfo::new),
        info(ready, Part.KEYCLOAK, KeycloakInfo::new),
        info(ready, Part.ELASTICSEARCH, ElasticsearchInfo::new),
        info(ready, Part.SMTP, SmtpInfo::new));
  }

  private static <T> T info(
      Map<Part, CompletableFuture<Map<String, String>>> ready,
      Part part,
      java.util.function.Function<Map<String, String>, T> from) {
    CompletableFuture<Map<String, String>> state = ready.get(part);
    return state != null && state.isDone() && !state.isCompletedExceptionally()
        ? from.apply(state.join())
        : null;
  }

  private void startApplication(Part part, String version, Wiring wiring) {
    long started = System.nanoTime();
    if (part == Part.CASES || part == Part.WORKFLOW) {
      wiring.postgres().database(AppEnvironment.database(part));
    }
    AppProcess app;
    synchronized (apps) { // never start an application that stop() would not see
      if (stopping) {
        return;
      }
      app =
          AppProcess.start(
              part,
              workspace.jar(part, version),
              AppEnvironment.of(part, options, wiring),
              workspace.data(part),
              workspace.log(part),
              options.managementPort(part),
              Optional.of(workspace.classData()));
      apps.add(app);
    }
    run.update(
        part,
        entry ->
            new RunFile.Entry(
                entry.name(),
                entry.title(),
                entry.url(),
                app.healthUrl(),
                app.handle().pid(),
                State.STARTING,
                List.of(ProcessRef.of(app.handle())),
                entry.log()));
    app.awaitReady();
    run.update(part, entry -> entry.with(State.READY));
    progress(part, started);
    app.handle()
        .onExit()
        .thenRun(
            () -> {
              if (!stopping) {
                run.update(part, entry -> entry.with(State.FAILED));
                out.printf(
                    "%s stopped unexpectedly; see %s%n",
                    part.title(), workspace.root().relativize(app.log()));
              }
            });
  }

  private void awaitAllOrFirstFailure(List<CompletableFuture<?>> all) {
    CompletableFuture<Object> firstFailure = new CompletableFuture<>();
    all.forEach(
        future ->
            future.whenComplete(
                (result, failure) -> {
                  if (failure != null) {
                    firstFailure.completeExceptionally(failure);
                  }
                }));
    try {
      CompletableFuture.anyOf(
              CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), firstFailure)
          .join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
      if (cause instanceof LaunchException launch) {
        throw launch;
      }
      throw new LaunchException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /**
   * The shutdown hook (Ctrl-C, SIGTERM from {@code ./amicus down}, a failed start): applications
   * first, so none of them is left without its database, then the supervisors, which stop their
   * dependency. Returns when everything has ended.
   */
  void stop() {
    synchronized (apps) {
      stopping = true;
    }
    if (run == null) {
      return;
    }
    out.println();
    out.println("Stopping Amicus...");
    List<ProcessHandle> everything =
        new ArrayList<>(Processes.withDescendants(ProcessHandle.current().children().toList()));
    Postmaster.of(workspace.data(Part.POSTGRES)).ifPresent(everything::add);

    List<ProcessHandle> appHandles =
        apps.stream().map(AppProcess::handle).filter(ProcessHandle::isAlive).toList();
    Duration grace =
        apps.stream().map(AppProcess::stopGrace).max(Duration::compareTo).orElse(Duration.ZERO);
    Processes.stop(appHandles, grace);

    ProcessHandle.current().children().forEach(ProcessHandle::destroy);
    List<ProcessHandle> killed = Processes.killAfter(everything, DEPENDENCY_STOP_GRACE);
    if (!killed.isEmpty()) {
      out.printf(
          "Killed %s, which did not stop within %d s.%n",
          killed.stream().map(h -> "PID " + h.pid()).toList(), DEPENDENCY_STOP_GRACE.toSeconds());
    }
    run.delete();
    out.println("Stopped.");
    stopped.countDown();
  }

  /** How long the part took itself, and when it was ready counted from the command. */
  private void progress(Part part, long startedNanos) {
    out.printf(
        "  %-17s ready in %5.1f s   (at %3d s)%n",
        part.title(), (System.nanoTime() - startedNanos) / 1e9, elapsed().toSeconds());
  }

  private Duration elapsed() {
    return Duration.between(invoked, Instant.now());
  }

  /** When the user pressed Enter: set by the amicus script, so the build counts too. */
  private static Instant invoked() {
    String byScript = System.getProperty(INVOKED_PROPERTY);
    return byScript != null
        ? Instant.ofEpochSecond(Long.parseLong(byScript))
        : ProcessHandle.current().info().startInstant().orElse(Instant.now());
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Up.class.getResourceAsStream("/org/amicus/local/launcher.properties")) {
      if (in == null) {
        throw new IllegalStateException("launcher.properties is missing: build with ./mvnw");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
