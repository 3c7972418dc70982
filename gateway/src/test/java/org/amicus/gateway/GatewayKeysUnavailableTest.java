package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.amicus.testkit.Browser;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway cannot reach Keycloak's keys (JWKS endpoint down): a Bearer request is answered 503
 * problem details, the caller's fault is not claimed (401) and no 500 escapes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayKeysUnavailableTest {

  private static final StandInService CASES = new StandInService();

  @DynamicPropertySource
  static void keysUnreachable(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> StandInService.stopped() + "/protocol/openid-connect/certs");
    registry.add("AMICUS_CASES_URL", CASES::url);
  }

  @LocalServerPort int port;

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aBearerRequestWhileKeycloaksKeysCannotBeFetchedIsAnswered503AsProblemDetails(
      CapturedOutput output) {
    answeredUnavailable(port, CASES, output);
  }

  /**
   * What a Bearer caller gets while the keys cannot be fetched: 503 problem details with
   * Retry-After on a routed and on a gateway path, nothing reaching the service, and the warning
   * logged with the request's correlation id.
   */
  static void answeredUnavailable(int port, StandInService service, CapturedOutput output) {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    String correlationId = "keys-test-" + System.nanoTime();
    Map<String, String> bearer =
        Map.of("Authorization", "Bearer " + token, "X-Correlation-Id", correlationId);

    for (String path : new String[] {"/api/cases/7", "/api/me"}) {
      HttpResponse<String> response = new Browser().get("http://127.0.0.1:" + port + path, bearer);

      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(response.body()).contains("urn:amicus:problem:service-unavailable");
    }
    assertThat(service.lastHeaders()).as("nothing reached the service").isNull();
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("Keycloak's keys unavailable"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("\"correlationId\":\"" + correlationId));
  }
}
