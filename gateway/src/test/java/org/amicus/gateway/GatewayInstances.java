package org.amicus.gateway;

import java.util.ArrayList;
import java.util.List;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gateway instances for the multi-instance tests: each a Spring Boot application context of its own
 * in this JVM, on its own free port, against the real Keycloak and one Redis, sharing nothing else.
 */
final class GatewayInstances {

  private GatewayInstances() {}

  /**
   * Each instance gets Netty resources of its own: closing it must not shut the event loops and
   * connection pool that other gateways in this JVM (other test classes) still use.
   */
  @Configuration(proxyBeanMethods = false)
  static class OwnNettyResources {
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
      ReactorResourceFactory resources = new ReactorResourceFactory();
      resources.setUseGlobalResources(false);
      return resources;
    }
  }

  /**
   * Starts a gateway routing cases to {@code cases}, with its rate-limit buckets ({@code burst}, 1
   * a second) in the Redis at {@code redisPort}, and these further settings ({@code name=value}).
   */
  static ConfigurableApplicationContext start(
      StandInService cases, int redisPort, int burst, String... settings) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    List<String> arguments = new ArrayList<>();
    SpringProperties.of(keycloak).forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.addAll(
        List.of(
            "--server.port=0",
            "--management.server.port=0",
            "--amicus.gateway.login.issuer-uri=" + keycloak.issuer(),
            "--amicus.gateway.login.client-secret=" + keycloak.clientSecret("gateway"),
            "--AMICUS_CASES_URL=" + cases.url(),
            "--amicus.gateway.rate-limit.store=redis",
            "--spring.data.redis.host=127.0.0.1",
            "--spring.data.redis.port=" + redisPort,
            "--amicus.gateway.rate-limit.capacity=" + burst,
            "--amicus.gateway.rate-limit.refill-per-second=1",
            "--logging.level.root=WARN"));
    for (String setting : settings) {
      arguments.add("--" + setting);
    }
    // Command-line arguments: they outrank amicus-defaults.yml, default properties do not.
    return new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
        .run(arguments.toArray(String[]::new));
  }

  static String url(ConfigurableApplicationContext gateway) {
    return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
  }
}
