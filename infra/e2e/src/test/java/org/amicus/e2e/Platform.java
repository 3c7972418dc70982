package org.amicus.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.amicus.local.Applications;
import org.amicus.local.Applications.Application;
import org.amicus.local.Applications.Running;
import org.amicus.local.Applications.Setup;
import org.amicus.runtime.Component;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.LogTail;
import org.amicus.runtime.Ports;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;
import org.amicus.testkit.KeycloakAdmin;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.ServerProcess;
import org.amicus.testkit.Tokens;
import org.awaitility.Awaitility;

/**
 * The whole platform for the tests of this module: the build's shared real dependencies, then the
 * four applications from their packaged jars as separate JVMs, wired by the launcher's own code
 * (what {@code ./amicus up} runs), on free ports. Started on first use, once per test JVM, and
 * stopped when the JVM ends.
 *
 * <p>Keycloak is the build's shared one. PostgreSQL, Elasticsearch and SMTP are this JVM's own (on
 * free ports, ending with it), because the fault tests kill and restart them, which must never
 * happen to what other modules' tests use; {@link #SHARED_PROPERTY} uses the shared ones instead.
 * Either way this run takes databases, search indices and mail addresses of its own, named after
 * {@link #runId()}.
 */
public final class Platform {

  /**
   * Set to true to run against the build's shared PostgreSQL, Elasticsearch and SMTP (faster when
   * they already run; the fault tests then skip themselves, since they kill and restart these).
   */
  public static final String SHARED_PROPERTY = "amicus.e2e.shared-dependencies";

  private static Platform shared;
  private static RuntimeException failedStart;

  private final String runId;
  private final Setup setup;
  private final Map<Application, Running> running = new ConcurrentHashMap<>();
  private final Map<Component, OwnDependency> own;
  private final Map<Application, Duration> readyAfter = new ConcurrentHashMap<>();
  private final List<Running> extraInstances = new CopyOnWriteArrayList<>();
  private final AtomicInteger instances = new AtomicInteger();

  private Platform(String runId, Setup setup, Map<Component, OwnDependency> own) {
    this.runId = runId;
    this.setup = setup;
    this.own = own;
  }

  /** GreenMail's IMAP port is its SMTP port + 118 when the port is chosen: both must be free. */
  private static int smtpPort() {
    while (true) {
      int port = Ports.free();
      if (port + 118 <= 65535 && Ports.isFree(port + 118)) {
        return port;
      }
    }
  }

  /** The running platform, started by the first caller; a failed start fails every caller fast. */
  public static synchronized Platform get() {
    if (failedStart != null) {
      throw new IllegalStateException(
          "The platform did not start (see the first failure)", failedStart);
    }
    if (shared == null) {
      try {
        shared = start();
      } catch (RuntimeException e) {
        failedStart = e;
        throw e;
      }
    }
    return shared;
  }

  private static Platform start() {
    String runId = "e2e" + ProcessHandle.current().pid();
    Path work = Path.of(System.getProperty("amicus.e2e.work", "target/e2e")).toAbsolutePath();
    Map<Component, OwnDependency> own = new EnumMap<>(Component.class);
    if (!Boolean.getBoolean(SHARED_PROPERTY)) {
      Path stateDir = work.resolve("dependencies");
      deleteQuietly(stateDir); // what an earlier run kept is of no use to this one
      own.put(
          Component.POSTGRES,
          new OwnDependency(
              Component.POSTGRES,
              stateDir,
              Ports.free(),
              Map.of("AMICUS_POSTGRES_PASSWORD", UUID.randomUUID().toString())));
      own.put(
          Component.ELASTICSEARCH,
          new OwnDependency(Component.ELASTICSEARCH, stateDir, Ports.free(), Map.of()));
      own.put(Component.SMTP, new OwnDependency(Component.SMTP, stateDir, smtpPort(), Map.of()));
    }
    // the dependencies in parallel: Keycloak's first start alone takes a minute or two
    CompletableFuture<PostgresInfo> postgres =
        own.isEmpty()
            ? CompletableFuture.supplyAsync(RealDependencies::postgres)
            : CompletableFuture.supplyAsync(own.get(Component.POSTGRES)::start)
                .thenApply(PostgresInfo::new);
    CompletableFuture<KeycloakInfo> keycloak =
        CompletableFuture.supplyAsync(RealDependencies::keycloak);
    CompletableFuture<ElasticsearchInfo> elasticsearch =
        own.isEmpty()
            ? CompletableFuture.supplyAsync(RealDependencies::elasticsearch)
            : CompletableFuture.supplyAsync(own.get(Component.ELASTICSEARCH)::start)
                .thenApply(ElasticsearchInfo::new);
    CompletableFuture<SmtpInfo> smtp =
        own.isEmpty()
            ? CompletableFuture.supplyAsync(RealDependencies::smtp)
            : CompletableFuture.supplyAsync(own.get(Component.SMTP)::start)
                .thenApply(SmtpInfo::new);
    CompletableFuture.allOf(postgres, keycloak, elasticsearch, smtp).join();

    Map<Application, Integer> ports = new EnumMap<>(Application.class);
    Map<Application, Map<String, String>> extra = new EnumMap<>(Application.class);
    for (Application application : Application.values()) {
      ports.put(application, Ports.free());
      extra.put(application, new LinkedHashMap<>());
    }
    ports.put(Application.GATEWAY, freeGatewayPort());
    extra
        .get(Application.SEARCH)
        .putAll(
            Map.of(
                "AMICUS_SEARCH_INDEX_ALIAS", runId + "-search",
                "AMICUS_SEARCH_INDEX_STATEINDEX", runId + "-search-state",
                "AMICUS_SEARCH_INDEX_DEADLETTERINDEX", runId + "-search-dead-letters"));
    extra.get(Application.WORKFLOW).putAll(Mailboxes.environment(runId));
    // The scenario and the bad-input properties send bursts from one user; the limiter's own
    // behaviour is the gateway's tests' business.
    extra
        .get(Application.GATEWAY)
        .putAll(
            Map.of("AMICUS_RATE_LIMIT_BURST", "10000", "AMICUS_RATE_LIMIT_PER_SECOND", "10000"));

    Setup setup =
        new Setup(
            Path.of(System.getProperty("amicus.root", "../..")).toAbsolutePath().normalize(),
            work,
            ports,
            Map.of(Application.CASES, runId + "_cases", Application.WORKFLOW, runId + "_workflow"),
            postgres.join(),
            keycloak.join(),
            elasticsearch.join(),
            smtp.join(),
            extra);
    KeycloakAdmin admin = new KeycloakAdmin(setup.keycloak());
    admin.allowGatewayAt(setup.publicUrl());
    admin.allowGatewayAt("http://127.0.0.1:" + ports.get(Application.GATEWAY));

    Platform platform = new Platform(runId, setup, own);
    Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "e2e-platform-stop"));
    platform.startAll();
    return platform;
  }

  /** All four at once: each waits only for its dependencies, which are ready. */
  private void startAll() {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (Application application : Application.values()) {
      long started = System.nanoTime();
      Running app = Applications.start(application, setup);
      running.put(application, app);
      ready.add(
          CompletableFuture.runAsync(
              () -> {
                app.awaitReady();
                readyAfter.put(application, Duration.ofNanos(System.nanoTime() - started));
              }));
    }
    try {
      CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      stopAll();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * Stops the four applications gracefully and starts them again at once, as a second {@code
   * ./amicus up} does: with {@link Applications#CLASS_DATA_PROPERTY} on, the first start recorded
   * each application's class archive and this stop writes it, so the new start (whose times {@link
   * #readyAfter} then gives) maps it.
   */
  public synchronized void restartAllAtOnce() {
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (Running app : running.values()) {
      stopping.add(CompletableFuture.runAsync(() -> stopQuietly(app)));
    }
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    running.clear();
    startAll();
  }

  /** A name unique to this test JVM, used in database, index and mailbox names. */
  public String runId() {
    return runId;
  }

  /** The gateway as users reach it, e.g. {@code http://localhost:41234}. */
  public String gatewayUrl() {
    return setup.publicUrl();
  }

  /** Where an application's Actuator answers: the gateway's management port, a service's own. */
  public String managementUrl(Application application) {
    return setup.managementUrl(application);
  }

  /** A port whose management neighbour (the gateway's Actuator, port + 10) is free too. */
  private static int freeGatewayPort() {
    int port = Ports.free();
    while (port + 10 > 65535 || !Ports.isFree(port + 10)) {
      port = Ports.free();
    }
    return port;
  }

  /** An application directly, bypassing the gateway (e.g. {@code http://127.0.0.1:41235}). */
  public String url(Application application) {
    return setup.url(application);
  }

  public KeycloakInfo keycloak() {
    return setup.keycloak();
  }

  public PostgresInfo postgres() {
    return setup.postgres();
  }

  public ElasticsearchInfo elasticsearch() {
    return setup.elasticsearch();
  }

  public SmtpInfo smtp() {
    return setup.smtp();
  }

  /**
   * An access token of a demo user (anna, marco, olena, clara, ivan, zoe, adam), fresh from
   * Keycloak.
   */
  public String token(String user) {
    // Keycloak is shared with other builds, whose wrong-password tests may lock a demo user out
    // (brute-force protection): lift the lockout and ask again rather than fail.
    return Awaitility.await("a token for " + user)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(3))
        .ignoreExceptions()
        .until(
            () -> {
              try {
                return Tokens.accessToken(setup.keycloak(), user);
              } catch (IllegalStateException refused) {
                new KeycloakAdmin(setup.keycloak()).unlock(user);
                throw refused;
              }
            },
            token -> token != null);
  }

  /** A demo user calling through the gateway; the token is renewed as it ages. */
  public Api api(String user) {
    return new Api(gatewayUrl(), () -> token(user));
  }

  /** A demo user calling one application directly; the token is renewed as it ages. */
  public Api api(Application application, String user) {
    return new Api(url(application), () -> token(user));
  }

  /** The mail addresses workflow-service sends to in this run. */
  public Mailboxes mailboxes() {
    return new Mailboxes(runId, setup.smtp());
  }

  /** The PostgreSQL database of cases-service or workflow-service in this run. */
  public String database(Application application) {
    return setup.databases().get(application);
  }

  /** A connection to the database of cases-service or workflow-service in this run. */
  public Connection connect(Application application) throws SQLException {
    PostgresInfo postgres = setup.postgres();
    return DriverManager.getConnection(
        postgres.jdbcUrl(database(application)), postgres.user(), postgres.password());
  }

  /** What the application wrote to its log, for a failure message. */
  public String logTail(Application application, int lines) {
    return LogTail.of(log(application), lines);
  }

  public Path log(Application application) {
    return running.get(application).log();
  }

  /** How long the application took from its start to ready, in its last start of all four. */
  public Duration readyAfter(Application application) {
    return readyAfter.get(application);
  }

  /** The application's resident memory now, in MB (Linux; -1 elsewhere). */
  public long rssMegabytes(Application application) {
    Path status = Path.of("/proc", Long.toString(running.get(application).pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  public boolean isRunning(Application application) {
    Running app = running.get(application);
    return app != null && app.isAlive();
  }

  /** Stops the application gracefully (SIGTERM); returns when it has ended. */
  public void stop(Application application) {
    running.get(application).stop();
  }

  /** Kills the application as a crash would (SIGKILL); returns when it has ended. */
  public void kill(Application application) {
    running.get(application).kill();
  }

  /** Starts a stopped or killed application again on the same port and waits until it is ready. */
  public void restart(Application application) {
    Running previous = running.get(application);
    if (previous.isAlive()) {
      previous.stop();
    }
    Running app = Applications.start(application, setup);
    running.put(application, app);
    app.awaitReady();
  }

  /**
   * Starts one more instance of the application as a separate JVM, the way a second replica runs:
   * the same database, index names, Keycloak and environment as the platform's own instance, plus
   * {@code environment}, but a port and a work directory of its own. Returns when it is ready; it
   * is stopped with the platform unless the test stops or kills it first. The other applications
   * keep calling the first instance.
   */
  public Instance another(Application application, Map<String, String> environment) {
    int number = instances.incrementAndGet();
    Map<Application, Integer> ports = new EnumMap<>(setup.ports());
    ports.put(application, application == Application.GATEWAY ? freeGatewayPort() : Ports.free());
    Map<Application, Map<String, String>> extra = new EnumMap<>(Application.class);
    extra.putAll(setup.extraEnvironment());
    Map<String, String> env = new LinkedHashMap<>(extra.getOrDefault(application, Map.of()));
    env.putAll(environment);
    extra.put(application, env);
    Setup second =
        new Setup(
            setup.root(),
            setup.workDir().resolve("instance-" + number),
            ports,
            setup.databases(),
            setup.postgres(),
            setup.keycloak(),
            setup.elasticsearch(),
            setup.smtp(),
            extra);
    if (application == Application.GATEWAY) {
      new KeycloakAdmin(setup.keycloak()).allowGatewayAt(second.publicUrl());
    }
    Running app = Applications.start(application, second);
    extraInstances.add(app);
    try {
      app.awaitReady();
    } catch (RuntimeException notReady) {
      stopQuietly(app);
      throw notReady;
    }
    return new Instance(app, second.url(application), second.managementUrl(application));
  }

  /**
   * One more instance of an application, from {@link #another}: where it answers, and its process.
   */
  public record Instance(Running process, String url, String managementUrl) {}

  /** A dependency's server: this JVM's own, or the build's shared one (Keycloak always). */
  public ServerProcess process(Component dependency) {
    OwnDependency mine = own.get(dependency);
    return mine != null ? mine.process() : RealDependencies.process(dependency);
  }

  /** Whether PostgreSQL, Elasticsearch and SMTP are this JVM's own, so tests may kill them. */
  public boolean ownsDependencies() {
    return !own.isEmpty();
  }

  /** Kills PostgreSQL, Elasticsearch or SMTP (SIGKILL, as a crash); only this JVM's own. */
  public void kill(Component dependency) {
    ownOnly(dependency).kill();
  }

  /** Stops PostgreSQL, Elasticsearch or SMTP cleanly; only this JVM's own. */
  public void stop(Component dependency) {
    ownOnly(dependency).stop();
  }

  /** Starts a stopped or killed dependency again: same port, same data. */
  public void restart(Component dependency) {
    ownOnly(dependency).restart();
  }

  /** The data directory of PostgreSQL or Elasticsearch; only this JVM's own. */
  public Path dataDir(Component dependency) {
    return ownOnly(dependency).dataDir();
  }

  private OwnDependency ownOnly(Component dependency) {
    OwnDependency dep = own.get(dependency);
    if (dep == null) {
      throw new IllegalStateException(
          dependency.id() + " is shared with the rest of the build: never kill or restart it");
    }
    return dep;
  }

  /**
   * Gateway first, so no request reaches a service that is going away; then drops the databases.
   */
  private synchronized void stopAll() {
    extraInstances.forEach(Platform::stopQuietly);
    stopQuietly(running.remove(Application.GATEWAY));
    // the rest at once: Surefire gives a forked JVM 30 s to end after its last test
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (Application application : List.of(Application.SEARCH, Application.WORKFLOW)) {
      Running app = running.remove(application);
      stopping.add(CompletableFuture.runAsync(() -> stopQuietly(app)));
    }
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    stopQuietly(running.remove(Application.CASES)); // last: workflow and search read from it
    if (own.isEmpty()) {
      dropDatabases();
    }
  }

  private static void stopQuietly(Running app) {
    if (app != null && app.isAlive()) {
      app.stop();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a later start keeps its data dir clean through its own options anyway
    }
  }

  /** The shared PostgreSQL outlives this JVM: leave nothing of this run in it. */
  private void dropDatabases() {
    PostgresInfo postgres = setup.postgres();
    try (Connection connection =
            DriverManager.getConnection(
                postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        Statement statement = connection.createStatement()) {
      for (String database : setup.databases().values()) {
        statement.execute("drop database if exists " + database + " with (force)");
      }
    } catch (SQLException e) {
      // best effort: the build's PostgreSQL is thrown away when the build ends anyway
    }
  }
}
