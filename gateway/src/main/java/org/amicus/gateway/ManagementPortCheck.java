package org.amicus.gateway;

import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The gateway is the public entry, so its Actuator (health, info, Prometheus) must listen on a port
 * of its own that is published to monitoring only. Refuses to start, before anything listens, when
 * the management port is missing, disabled or the public port itself, which would put the Actuator
 * on the internet.
 */
@Component
class ManagementPortCheck {

  ManagementPortCheck(Environment environment) {
    problem(environment)
        .ifPresent(
            message -> {
              throw new IllegalStateException(message);
            });
  }

  static Optional<String> problem(Environment environment) {
    Integer management = environment.getProperty("management.server.port", Integer.class);
    Integer server = environment.getProperty("server.port", Integer.class, 8080);
    if (management == null || management < 0) {
      return Optional.of(
          "management.server.port (AMICUS_MANAGEMENT_PORT) must be set: the gateway's Actuator"
              + " is served on a port of its own, never on the public one");
    }
    if (management.equals(server) && management != 0) {
      return Optional.of(
          "management.server.port (AMICUS_MANAGEMENT_PORT) must differ from server.port: the"
              + " gateway's Actuator is never served on the public port");
    }
    return Optional.empty();
  }
}
