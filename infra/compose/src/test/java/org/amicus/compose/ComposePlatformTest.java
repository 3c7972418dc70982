package org.amicus.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Starts the whole compose file as an admin would (images built from the Dockerfiles, secrets from
 * the env file) and checks the platform from outside. Needs a Docker engine with the compose plugin
 * and the four application jars; where either is missing it is skipped and says why.
 */
class ComposePlatformTest {

  private static final Duration STARTUP = Duration.ofMinutes(10);

  private static final List<String> APPLICATIONS =
      List.of("gateway", "cases-service", "workflow-service", "search-service");

  @Test
  void gatewayRefusesAnApiCallWithoutAToken() throws Exception {
    // With no daemon Testcontainers finds no socket or DOCKER_HOST and answers within a second.
    boolean docker = DockerClientFactory.instance().isDockerAvailable();
    skipUnless(docker, "No Docker engine: " + whyNoDocker());

    List<String> unbuilt = APPLICATIONS.stream().filter(app -> jar(app) == null).toList();
    skipUnless(
        unbuilt.isEmpty(),
        "Application jars not built for " + unbuilt + ": run ./mvnw package at the root first");

    Map<String, String> env = new HashMap<>(ComposeFile.envExample());
    // Compose refuses the placeholders (secrets-check): a real random value for each.
    env.replaceAll(
        (name, value) ->
            value.equals("change-me")
                ? java.util.Base64.getEncoder()
                    .encodeToString(java.security.SecureRandom.getSeed(32))
                : value);
    // Host ports picked by Docker, so a local-mode platform on 8080/8180 does not clash.
    env.put("AMICUS_GATEWAY_PORT", "0");
    env.put("AMICUS_KEYCLOAK_PORT", "0");

    try (ComposeContainer platform =
        new ComposeContainer(ComposeFile.composeFile().toFile())
            .withLocalCompose(true)
            .withBuild(true)
            .withPull(false)
            .withRemoveVolumes(true)
            .withEnv(env)
            .withStartupTimeout(STARTUP)
            .withExposedService(
                "gateway",
                8080,
                // The gateway's Actuator is on its unpublished management port; the public port
                // answers an API call without a token once the gateway is up.
                Wait.forHttp("/api/cases").forStatusCode(401).withStartupTimeout(STARTUP))) {
      platform.start();
      URI cases =
          URI.create(
              "http://"
                  + platform.getServiceHost("gateway", 8080)
                  + ":"
                  + platform.getServicePort("gateway", 8080)
                  + "/api/cases");

      HttpResponse<String> response =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(
                  HttpRequest.newBuilder(cases)
                      .header("Accept", "application/json")
                      .timeout(Duration.ofSeconds(30))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      System.out.println("ComposePlatformTest skipped. " + reason);
    }
    assumeTrue(condition, reason);
  }

  private static String whyNoDocker() {
    String dockerHost = System.getenv("DOCKER_HOST");
    Path socket = Path.of("/var/run/docker.sock");
    return "Testcontainers found no Docker daemon to talk to (DOCKER_HOST "
        + (dockerHost == null ? "unset" : "= " + dockerHost)
        + ", "
        + socket
        + (Files.exists(socket) ? " present but not answering" : " absent")
        + "). The compose platform test runs where a Docker engine is available.";
  }

  private static Path jar(String application) {
    Path target = ComposeFile.directory().resolve("../../" + application + "/target").normalize();
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(
              file -> file.getFileName().toString().matches("amicus-" + application + "-.*\\.jar"))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
