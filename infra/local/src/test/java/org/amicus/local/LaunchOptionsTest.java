package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void withoutOptionsEverythingRunsOnThePortsOfTheArchitecture() {
    LaunchOptions options = LaunchOptions.parse(List.of());

    assertThat(options.parts()).containsExactlyInAnyOrder(Part.values());
    assertThat(options.port(Part.GATEWAY)).isEqualTo(8080);
    assertThat(options.port(Part.KEYCLOAK)).isEqualTo(8180);
    assertThat(options.port(Part.CASES)).isEqualTo(8081);
    assertThat(options.port(Part.WORKFLOW)).isEqualTo(8082);
    assertThat(options.port(Part.SEARCH)).isEqualTo(8083);
    assertThat(options.port(Part.ELASTICSEARCH)).isEqualTo(9200);
    assertThat(options.port(Part.POSTGRES)).isEqualTo(5432);
    assertThat(options.port(Part.SMTP)).isEqualTo(3025);
    assertThat(options.imapPort()).isEqualTo(3143);
    assertThat(options.managementPort(Part.GATEWAY)).isEqualTo(8090);
    assertThat(options.managementPort(Part.CASES)).isEqualTo(8081);
    assertThat(options.publicUrl()).isEqualTo("http://localhost:8080");
  }

  @Test
  void portsAreChosenWithOrWithoutAnEqualsSign() {
    LaunchOptions options =
        LaunchOptions.parse(List.of("--gateway-port", "9080", "--postgres-port=15432"));

    assertThat(options.port(Part.GATEWAY)).isEqualTo(9080);
    assertThat(options.port(Part.POSTGRES)).isEqualTo(15432);
    assertThat(options.port(Part.KEYCLOAK)).isEqualTo(8180);
    assertThat(options.publicUrl()).isEqualTo("http://localhost:9080");
  }

  @Test
  void anApplicationChosenWithOnlyBringsWhatItNeeds() {
    assertThat(LaunchOptions.parse(List.of("--only", "postgres,smtp")).parts())
        .containsExactlyInAnyOrder(Part.POSTGRES, Part.SMTP);
    assertThat(LaunchOptions.parse(List.of("--only=workflow")).parts())
        .containsExactlyInAnyOrder(Part.WORKFLOW, Part.POSTGRES, Part.KEYCLOAK, Part.SMTP);
  }

  @Test
  void mistakesAreExplained() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--gatway-port", "9080")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("Unknown option --gatway-port");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--cases-port", "eighty")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--cases-port needs a port number between 1 and 65535");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--cases-port", "70000")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("between 1 and 65535");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--cases-port")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--cases-port needs a port number");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--only", "postgres,redis")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("Unknown part \"redis\"")
        .hasMessageContaining("postgres, keycloak, elasticsearch, smtp");
  }
}
