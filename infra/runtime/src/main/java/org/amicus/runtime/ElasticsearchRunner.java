package org.amicus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A bare Elasticsearch node from the Maven Central artifacts, in a JVM of its own (the
 * amicus-elasticsearch-node module). The node exits when this supervisor's pipe to its standard
 * input closes, so it never outlives the supervisor.
 */
final class ElasticsearchRunner implements Runner {

  /** Not initialized here: its jar is on our classpath without the server it needs. */
  static final String MAIN_CLASS = "org.amicus.esnode.ElasticsearchNodeMain";

  /** Written by the amicus-elasticsearch-node build, next to {@link #MAIN_CLASS}. */
  private static final String SERVER_CLASSPATH = "/org/amicus/esnode/server-classpath.txt";

  private static final String CLUSTER_NAME = "amicus";
  private static final Set<String> READY = Set.of("yellow", "green");
  private static final Duration POLL = Duration.ofMillis(250);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChildProcess node;

  @Override
  public Map<String, String> start(RunSpec spec) throws Exception {
    int port = spec.portOrFree();
    if (spec.port() != 0) {
      Ports.requireFree(port, "Elasticsearch", "--elasticsearch-port");
    }
    Path home = spec.dataDir().resolve("home");
    Path data = spec.dataDir().resolve("data");
    if (!spec.keepData()) {
      Directories.delete(data);
    }
    Files.createDirectories(home);
    Files.createDirectories(data);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The full JIT: a search node runs for long, and on the search benchmark the C1 compiler alone
    // cost a third of the query mix's p95 (docs/performance.md, "Search queries").
    command.add("-Xmx512m");
    command.addAll(List.of("-cp", nodeClasspath(), MAIN_CLASS));
    command.addAll(List.of("--home", home.toString(), "--data", data.toString()));
    command.addAll(List.of("--http-port", Integer.toString(port), "--cluster-name", CLUSTER_NAME));
    node = ChildProcess.start("Elasticsearch", command, Map.of(), spec.dataDir(), spec.logFile());

    String url = "http://127.0.0.1:" + port;
    awaitHealthy(url);
    return Map.of("url", url);
  }

  /**
   * Polls {@code /_cluster/health} ({@code GET /} answers 405 on a bare node) until our cluster
   * reports yellow or green; fails at once with the log tail if the node dies.
   */
  private void awaitHealthy(String url) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    // a little less than the supervisor waits, so that this message is the one users see
    Instant deadline = Instant.now().plus(Component.ELASTICSEARCH.startTimeout()).minusSeconds(10);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      node.requireAlive();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        last = "HTTP %d: %s".formatted(response.statusCode(), response.body());
        if (response.statusCode() == 200) {
          JsonNode health = JSON.readTree(response.body());
          if (!CLUSTER_NAME.equals(health.path("cluster_name").asText())) {
            throw new IllegalStateException(
                "Another Elasticsearch answers at %s (cluster %s)"
                    .formatted(url, health.path("cluster_name").asText()));
          }
          if (READY.contains(health.path("status").asText())) {
            node.requireAlive();
            return;
          }
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Supervisors.sleep(POLL);
    }
    throw new IllegalStateException(
        "Elasticsearch was not healthy at %s in time (last answer: %s). Last lines of %s:%n%s"
            .formatted(url, last, node.log(), LogTail.of(node.log(), 40)));
  }

  /** The esnode jar, found without initializing its main class, then the server's classpath. */
  static String nodeClasspath() {
    Class<?> main;
    try {
      main = Class.forName(MAIN_CLASS, false, ElasticsearchRunner.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          MAIN_CLASS + " is not on the classpath: the runtime needs amicus-elasticsearch-node", e);
    }
    Path jar;
    try {
      jar = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the jar of " + MAIN_CLASS, e);
    }
    String server;
    try (InputStream in = main.getResourceAsStream(SERVER_CLASSPATH)) {
      if (in == null) {
        throw new IllegalStateException(
            jar + " has no " + SERVER_CLASSPATH + ": build amicus-elasticsearch-node with Maven");
      }
      server = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + SERVER_CLASSPATH + " from " + jar, e);
    }
    Stream.of(server.split(File.pathSeparator))
        .filter(entry -> !Files.exists(Path.of(entry)))
        .findFirst()
        .ifPresent(
            missing -> {
              throw new IllegalStateException(
                  "The Elasticsearch server classpath names " + missing + ", which is missing");
            });
    return jar + File.pathSeparator + server;
  }

  @Override
  public long serverPid() {
    return node.pid();
  }

  @Override
  public void stop() {
    if (node != null) {
      node.stop();
      node = null;
    }
  }
}
