package org.amicus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.amicus.testkit.RealDependencies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Helm chart runs the services with the Actuator on a port of its own (MANAGEMENT_SERVER_PORT,
 * 8090), probes it there and lets only monitoring reach it: health and metrics answer there without
 * a token, and the API port serves no Actuator.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
class ManagementPortTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int serverPort;
  @LocalManagementPort int managementPort;

  @DynamicPropertySource
  static void realElasticsearch(DynamicPropertyRegistry registry) {
    String alias =
        "management-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    registry.add("spring.elasticsearch.uris", () -> RealDependencies.elasticsearch().url());
    registry.add("amicus.search.index.alias", () -> alias);
    registry.add("amicus.search.index.state-index", () -> alias + "-state");
    registry.add("amicus.search.index.dead-letter-index", () -> alias + "-dead-letters");
  }

  @Test
  void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() throws Exception {
    assertThat(status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
    assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
    assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
  }

  @Test
  void theApiPortServesNoActuatorAndTheManagementPortNoApi() throws Exception {
    assertThat(managementPort).isNotEqualTo(serverPort);
    assertThat(status(serverPort, "/actuator/health/readiness")).isIn(401, 404);
    assertThat(status(managementPort, "/api/search?q=x")).isIn(401, 404);
  }

  private static int status(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
