package org.amicus.gateway;

import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.contract.ResourceServerContract;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * API clients with Bearer tokens from the real Keycloak; the gateway checks them before routing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test here
class GatewaySecurityTest implements ResourceServerContract {

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    RealDependencies.keycloak()
        .springProperties()
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String partnerPath() {
    return "/api/cases";
  }

  @Override
  public String forbiddenForPartnerPath() {
    return "/internal/changes";
  }

  @Override
  public String documentedPath() {
    return "\"openapi\"";
  }
}
