package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The packaged gateway refuses to start with its client secret left at the shipped placeholder or
 * empty, naming the property and never the value (the tests' own configuration turns the check off,
 * so it is turned back on here).
 */
class GatewaySecretsTest {

  @Test
  void theGatewayDoesNotStartWithThePlaceholderClientSecret() {
    var gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("server.port=0", "management.server.port=0");

    // Command-line arguments win over the tests' configuration, as in a real start.
    assertThatThrownBy(() -> gateway.run("--amicus.secrets.enforce=true").close())
        .hasMessageContaining("amicus.gateway.login.client-secret")
        .hasMessageContaining("change-me");
  }

  @Test
  void norWithAnEmptyOne() {
    var gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("server.port=0", "management.server.port=0");

    assertThatThrownBy(
            () ->
                gateway
                    .run("--amicus.secrets.enforce=true", "--amicus.gateway.login.client-secret=")
                    .close())
        .hasMessageContaining("amicus.gateway.login.client-secret");
  }
}
