package org.amicus.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.amicus.workflow.account.ServiceAccount;
import org.amicus.workflow.account.ServiceAccountProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.RestClient;

/**
 * What a user links is asked of cases-service with that user's own token, and its refusal, 403 or
 * 404, reads as "not there" to them. A stand-in HTTP server plays cases-service's answers, as
 * cases-service gives them (GET /api/cases/{id}: 404 when the caller may not read it, 403 for a
 * role that reads no case content).
 */
class RestCasesClientTest {

  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses =
      Map.of(
          "/api/cases/1", 200,
          "/api/cases/2", 404,
          "/api/cases/3", 403,
          "/api/cases/4", 500,
          "/api/recommendations/5", 200,
          "/api/recommendations/6", 404);
  private RestCasesClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          int status = statuses.getOrDefault(exchange.getRequestURI().getPath(), 404);
          byte[] body =
              (status == 200
                      ? "{\"id\": 1, \"reference\": \"KZ-2019-0001\", \"riskLevel\": \"HIGH\","
                          + " \"persons\": []}"
                      : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client =
        new RestCasesClient(
            new ServiceAccount(
                RestClient.builder(),
                new ServiceAccountProperties(
                    url.resolve("/token"), "workflow-service", "unused", Duration.ofSeconds(5)),
                Clock.systemUTC()),
            new CasesProperties(url));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static Jwt user() {
    return Jwt.withTokenValue("the-users-own-token")
        .header("alg", "RS256")
        .subject("anna-id")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60))
        .build();
  }

  @Test
  void aCaseTheUserReadsComesWithItsRiskLevelAskedWithTheUsersOwnToken() {
    assertThat(client.findCaseAs(user(), 1)).get().extracting("riskLevel").isEqualTo("HIGH");
    assertThat(authorizations).containsExactly("Bearer the-users-own-token");
  }

  @Test
  void notFoundAndForbiddenAreTheSameToTheUser() {
    assertThat(client.findCaseAs(user(), 2)).isEmpty();
    assertThat(client.findCaseAs(user(), 3)).isEmpty();
    assertThat(client.canReadRecommendation(user(), 5)).isTrue();
    assertThat(client.canReadRecommendation(user(), 6)).isFalse();
  }

  @Test
  void anErrorOfCasesServiceIsNotMistakenForAnAnswer() {
    assertThatThrownBy(() -> client.findCaseAs(user(), 4))
        .isInstanceOf(CasesClient.Unavailable.class);
  }
}
