package org.amicus.cases;

import org.amicus.testkit.contract.ChangeFeedContract;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tokens from the real Keycloak, a real PostgreSQL behind the service. */
class CasesServiceSecurityTest extends CasesIntegrationTest implements ChangeFeedContract {

  @Override
  public String serviceName() {
    return "cases-service";
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
}
