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
          new Api(platform.url(application), null).get("/actuator/health/readiness");
      assertThat(readiness.status()).as(application.module()).isEqualTo(200);
    }
  }

  @Test
  void theGatewayKnowsACallerByTheirBearerToken() {
    Api.Reply me = new Api(platform.gatewayUrl(), platform.token("marco")).get("/api/me");

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo("marco");
    assertThat(me.json().get("organisation").asText()).isEqualTo("fidu");
  }

  @Test
  void aCallThroughTheGatewayReachesCasesServiceAsTheCaller() {
    Api.Reply cases = new Api(platform.gatewayUrl(), platform.token("anna")).get("/api/cases");

    assertThat(cases.status()).as(cases.toString()).isEqualTo(200);
  }

  @Test
  void withoutATokenTheGatewayAnswers401() {
    assertThat(new Api(platform.gatewayUrl(), null).get("/api/cases").status()).isEqualTo(401);
  }
}
