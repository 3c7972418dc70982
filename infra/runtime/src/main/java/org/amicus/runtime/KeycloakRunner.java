package org.amicus.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, in dev mode ({@code start-dev}: H2 file database,
 * local caches) with the {@code coalition} realm and the demo users imported.
 *
 * <p>Secrets and demo passwords come from the environment when the launcher passes them (so they
 * stay valid for a kept database, where Keycloak skips the import), else they are generated. The
 * management port (health) is always a free port: nobody needs a fixed one, its URL is in the
 * state.
 */
final class KeycloakRunner implements Runner {

  static final Map<String, String> CLIENT_SECRET_VARIABLES =
      Map.of(
          "gateway", "AMICUS_GATEWAY_CLIENT_SECRET",
          "search-indexer", "AMICUS_SEARCH_CLIENT_SECRET",
          "workflow-service", "AMICUS_WORKFLOW_CLIENT_SECRET");
  static final String ADMIN_PASSWORD_VARIABLE = "AMICUS_KEYCLOAK_ADMIN_PASSWORD";

  /**
   * C1 only: a short-lived, lightly loaded Keycloak starts faster without C2 compiling. (kc.sh
   * already caps the heap at 512 MB outside containers.)
   */
  private static final String JAVA_OPTS_APPEND = "-XX:TieredStopAtLevel=1";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ChildProcess keycloak;

  @Override
  public Map<String, String> start(RunSpec spec) throws Exception {
    KeycloakDistribution distribution = KeycloakDistribution.ofThisBuild();
    Path home = spec.dataDir();
    if (!spec.keepData()) {
      Directories.delete(home.resolve("data"));
    }
    int port = spec.portOrFree();
    int managementPort = Ports.free();
    String url = "http://127.0.0.1:" + port;
    URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");

    Map<String, String> state = new LinkedHashMap<>();
    state.put("url", url);
    state.put("realm", CoalitionRealm.NAME);
    state.put("management.url", "http://127.0.0.1:" + managementPort);
    Map<String, String> env = new LinkedHashMap<>();
    addCredentials(state, env);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);

    // Keycloak ignores the end of its input, so a small shell waits for it instead: when the
    // supervisor dies, even by SIGKILL, its pipe closes, `cat` returns and Keycloak is stopped.
    String keycloakCommand =
        String.join(
            " ",
            quoted(home.resolve("bin/kc.sh").toString()),
            "start-dev",
            "--http-host=127.0.0.1",
            "--http-port=" + port,
            "--http-management-port=" + managementPort,
            // One issuer whatever host name a client uses to reach this Keycloak.
            quoted("--hostname=" + url),
            "--health-enabled=true",
            "--import-realm");
    List<String> command =
        List.of(
            "/bin/sh",
            "-c",
            keycloakCommand
                + " </dev/null & kc=$!; trap 'kill $kc; wait $kc' TERM; cat >/dev/null;"
                + " kill $kc 2>/dev/null; wait $kc");

    FileLock lock = distribution.lock();
    try {
      distribution.unpackIfNeeded();
      distribution.prepareHome(home);
      writeImport(home);
      if (distribution.built()) {
        KeycloakDistribution.release(lock);
        lock = null;
      }
      keycloak = ChildProcess.start("Keycloak", command, env, home, spec.logFile());
      awaitReady(ready);
      if (lock != null) {
        distribution.markBuilt();
      }
    } finally {
      if (lock != null) {
        KeycloakDistribution.release(lock);
      }
    }
    return state;
  }

  /**
   * The admin password, client secrets and demo passwords: into the state for callers, and into
   * Keycloak's environment for the bootstrap admin and the realm file's placeholders.
   */
  private static void addCredentials(Map<String, String> state, Map<String, String> env) {
    String adminPassword = configuredOrRandom(ADMIN_PASSWORD_VARIABLE);
    state.put("admin.password", adminPassword);
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    CLIENT_SECRET_VARIABLES.forEach(
        (client, variable) -> {
          String secret = configuredOrRandom(variable);
          state.put("secret." + client, secret);
          env.put(variable, secret);
        });
    for (String user : CoalitionRealm.demoUsernames()) {
      String variable = CoalitionRealm.passwordVariable(user);
      String password = configuredOrRandom(variable);
      state.put("password." + user, password);
      env.put(variable, password);
    }
  }

  /** The local realm, readable only by its owner (it names the demo users). */
  private static void writeImport(Path home) throws IOException {
    Path dir = Files.createDirectories(home.resolve("data/import"));
    Path file = dir.resolve(CoalitionRealm.NAME + "-realm.json");
    Files.write(file, CoalitionRealm.toBytes(CoalitionRealm.local()));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private void awaitReady(URI ready) {
    Instant deadline = Instant.now().plus(Component.KEYCLOAK.startTimeout());
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
    while (true) {
      keycloak.requireAlive();
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Keycloak was not ready after %s. Last lines of %s:%n%s"
                .formatted(
                    Component.KEYCLOAK.startTimeout(),
                    keycloak.log(),
                    LogTail.of(keycloak.log(), 40)));
      }
      Supervisors.sleep(Duration.ofMillis(500));
    }
  }

  private static String configuredOrRandom(String variable) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public long serverPid() {
    return keycloak.pid();
  }

  @Override
  public void stop() {
    if (keycloak != null) {
      keycloak.stop();
      keycloak = null;
    }
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
