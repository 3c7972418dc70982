package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.amicus.local.Applications.Application;
import org.junit.jupiter.api.Test;

/** The fixture itself: four applications from their jars, reachable and wired to one Keycloak. */
class PlatformTest {

  private final Platform platform = Platform.get();

  @Test
  void everyApplicationIsReadyOnItsOwnPort() {
    for (Application application : Application.values()) {
      Api.Reply readiness =
          Api.anonymous(platform.managementUrl(application)).get("/actuator/health/readiness");
      assertThat(readiness.status()).as(application.module()).isEqualTo(200);
    }
  }

  @Test
  void theGatewayKnowsACallerByTheirBearerToken() {
    Api.Reply me = platform.api("marco").get("/api/me");

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo("marco");
    assertThat(me.json().get("organisation").asText()).isEqualTo("fidu");
  }

  @Test
  void aCallThroughTheGatewayReachesCasesServiceAsTheCaller() {
    Api.Reply cases = platform.api("anna").get("/api/cases");

    assertThat(cases.status()).as(cases.toString()).isEqualTo(200);
  }

  @Test
  void withoutATokenTheGatewayAnswers401() {
    assertThat(Api.anonymous(platform.gatewayUrl()).get("/api/cases").status()).isEqualTo(401);
  }
}
