package org.amicus.workflow;

import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.contract.ChangeFeedContract;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tokens from the real Keycloak, a real PostgreSQL behind the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test here
class WorkflowServiceSecurityTest implements ChangeFeedContract {

  @Override
  public String serviceName() {
    return "workflow-service";
  }

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.postgres(), "workflow")
        .forEach((key, value) -> registry.add(key, () -> value));
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String partnerPath() {
    return "/api/submissions";
  }
}
