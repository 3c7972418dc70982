package org.amicus.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class RequiredSecretsTest {

  private static final String REQUIRED =
      "spring.datasource.password, amicus.cases.client-secret, amicus.search.ingest.client-secret";

  @Test
  void aPlaceholderOrEmptySecretIsNamedButItsValueNeverShown() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(RequiredSecrets.REQUIRED, REQUIRED)
            .withProperty("spring.datasource.password", "change-me")
            .withProperty("amicus.cases.client-secret", " ")
            .withProperty("amicus.search.ingest.client-secret", "s3cret-Value-xyz");

    assertThatThrownBy(() -> RequiredSecrets.check(environment))
        .hasMessageContaining("spring.datasource.password")
        .hasMessageContaining("amicus.cases.client-secret")
        .hasMessageNotContaining("amicus.search.ingest.client-secret")
        .hasMessageNotContaining("s3cret-Value-xyz");
  }

  @Test
  void anUnresolvablePlaceholderCountsAsUnset() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(RequiredSecrets.REQUIRED, "spring.datasource.password")
            .withProperty("spring.datasource.password", "${AMICUS_DB_PASSWORD_NOT_SET_ANYWHERE}");

    assertThat(RequiredSecrets.unset(environment)).containsExactly("spring.datasource.password");
  }

  @Test
  void realSecretsPassAndOptionalOnesMayStayEmpty() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(RequiredSecrets.REQUIRED, "spring.datasource.password")
            .withProperty("spring.datasource.password", "k7Pq3xMaHu9rT2wz")
            .withProperty("spring.data.redis.password", "")
            .withProperty("amicus.encryption.previous-keys", "");

    assertThatCode(() -> RequiredSecrets.check(environment)).doesNotThrowAnyException();
  }

  /** The real start of a Spring Boot application: it fails before any bean exists. */
  @Test
  void anApplicationWithAPlaceholderSecretDoesNotStart() {
    SpringApplication application =
        new SpringApplicationBuilder(Empty.class)
            .web(WebApplicationType.NONE)
            .properties(
                Map.of(
                    RequiredSecrets.REQUIRED,
                    "amicus.gateway.login.client-secret",
                    "amicus.gateway.login.client-secret",
                    "change-me"))
            .build();

    assertThatThrownBy(() -> application.run().close())
        .hasMessageContaining("amicus.gateway.login.client-secret")
        .hasMessageContaining("empty or still the placeholder");
  }

  @Configuration(proxyBeanMethods = false)
  static class Empty {}
}
