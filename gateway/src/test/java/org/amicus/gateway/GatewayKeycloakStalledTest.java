package org.amicus.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keycloak stalls: it accepts the gateway's connections and never answers. The gateway gives up
 * after {@code amicus.gateway.login.keycloak-timeout} and answers as when Keycloak is down, rather
 * than holding the caller's request for as long as Keycloak stalls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayKeycloakStalledTest {

  private static final StandInService CASES = new StandInService();
  private static final Stalled KEYCLOAK = new Stalled();

  @DynamicPropertySource
  static void keycloakStalls(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> KEYCLOAK.url() + "/protocol/openid-connect/certs");
    registry.add("amicus.gateway.login.keycloak-timeout", () -> "2s");
    registry.add("AMICUS_CASES_URL", CASES::url);
  }

  @LocalServerPort int port;

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aBearerRequestWhileKeycloakStallsIsAnswered503AsProblemDetails(CapturedOutput output) {
    GatewayKeysUnavailableTest.answeredUnavailable(port, CASES, output);
  }

  /** A server that accepts connections and never reads or answers. */
  static final class Stalled {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    Stalled() {
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    held.add(socket.accept());
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "stalled-keycloak");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
