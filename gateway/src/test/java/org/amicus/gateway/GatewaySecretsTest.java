package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.amicus.platform.secrets.RequiredSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The packaged gateway refuses to start with its client secret left at the shipped placeholder or
 * empty, naming the property and never the value (the tests' own configuration requires no secret,
 * so the list the gateway ships with is given back here, as a real start has it).
 */
class GatewaySecretsTest {

  /** The secrets the packaged gateway's application.yml requires, as a command-line argument. */
  private static final String SHIPPED_REQUIREMENT =
      "--" + RequiredSecrets.REQUIRED + "=" + shippedRequiredSecrets();

  @Test
  void theGatewayDoesNotStartWithThePlaceholderClientSecret() {
    var gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("server.port=0", "management.server.port=0");

    // Command-line arguments win over the tests' configuration, as in a real start.
    assertThatThrownBy(() -> gateway.run(SHIPPED_REQUIREMENT).close())
        .hasMessageContaining("amicus.gateway.login.client-secret")
        .hasMessageContaining("change-me");
  }

  @Test
  void norWithAnEmptyOne() {
    var gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties("server.port=0", "management.server.port=0");

    assertThatThrownBy(
            () -> gateway.run(SHIPPED_REQUIREMENT, "--amicus.gateway.login.client-secret=").close())
        .hasMessageContaining("amicus.gateway.login.client-secret");
  }

  private static String shippedRequiredSecrets() {
    try {
      return new YamlPropertySourceLoader()
          .load("shipped", new ClassPathResource("application.yml")).stream()
              .map(source -> source.getProperty(RequiredSecrets.REQUIRED))
              .filter(Objects::nonNull)
              .map(String::valueOf)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("application.yml requires no secret"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
