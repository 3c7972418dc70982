package org.amicus.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** PostgreSQL from the embedded binaries on Maven Central, in the supervisor's process tree. */
final class PostgresRunner implements Runner {

  private static final String USER = "amicus";
  private static final Duration ORPHAN_GRACE = Duration.ofSeconds(15);

  private EmbeddedPostgres postgres;
  private Path dataDir;

  @Override
  public Map<String, String> start(RunSpec spec) throws Exception {
    int port = spec.portOrFree();
    dataDir = spec.dataDir();
    // A supervisor killed mid-run leaves its server on the data directory, holding the port.
    Postmaster.stopOrphan(spec.dataDir(), ORPHAN_GRACE);
    if (!spec.keepData()) {
      // A run that keeps nothing starts from nothing, even after a supervisor died mid-run.
      Directories.deleteQuietly(spec.dataDir());
    }
    postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(spec.dataDir())
            .setCleanDataDirectory(!spec.keepData())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "300")
            // The embedded defaults trade durability for speed (fsync off); fine for tests, but
            // data a user keeps across local runs must survive a machine crash.
            .setServerConfig("fsync", spec.keepData() ? "on" : "off")
            .setServerConfig("synchronous_commit", spec.keepData() ? "on" : "off")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
            .start();
    String password = createApplicationRole();
    return Map.of(
        "host", "127.0.0.1", "port", Integer.toString(port), "user", USER, "password", password);
  }

  /** An application role with a password, so services never connect as the superuser. */
  private String createApplicationRole() throws Exception {
    String configured = System.getenv("AMICUS_POSTGRES_PASSWORD");
    String password = configured != null ? configured : UUID.randomUUID().toString();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists =
          statement.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'").next();
      String verb = exists ? "alter" : "create";
      statement.execute(
          "%s role %s with login createdb password '%s'"
              .formatted(verb, USER, password.replace("'", "''")));
    }
    return password;
  }

  /** The postmaster, which {@code pg_ctl} detached from this supervisor. */
  @Override
  public long serverPid() {
    return Postmaster.of(dataDir).orElseThrow().pid();
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        // the server is gone either way once the supervisor exits
      }
      postgres = null;
    }
  }
}
