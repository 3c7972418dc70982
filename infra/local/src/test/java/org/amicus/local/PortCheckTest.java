package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.amicus.runtime.Ports;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void aTakenPortIsNamedWithItsComponentAndTheOptionToChooseAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      LaunchOptions options =
          LaunchOptions.parse(
              List.of(
                  "--only",
                  "postgres,smtp",
                  "--postgres-port",
                  Integer.toString(port),
                  "--smtp-port",
                  Integer.toString(freeSmtpPort())));

      assertThat(PortCheck.problems(options))
          .containsExactly(
              "Port %d for PostgreSQL is already taken by another program. Stop that program or choose another port with --postgres-port."
                  .formatted(port));
      assertThatThrownBy(() -> PortCheck.requireUsable(options))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining(Integer.toString(port))
          .hasMessageContaining("PostgreSQL")
          .hasMessageContaining("--postgres-port");
    }
  }

  @Test
  void aTakenImapPortPointsToTheSmtpOption() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int imap = taken.getLocalPort();
      LaunchOptions options =
          LaunchOptions.parse(
              List.of("--only", "smtp", "--smtp-port", Integer.toString(imap - Part.IMAP_OFFSET)));

      assertThat(PortCheck.problems(options))
          .singleElement()
          .asString()
          .contains("Port " + imap, "IMAP", "--smtp-port");
    }
  }

  @Test
  void twoComponentsCannotShareAPort() {
    int port = Ports.free();
    LaunchOptions options =
        LaunchOptions.parse(
            List.of(
                "--only",
                "postgres,smtp",
                "--postgres-port",
                Integer.toString(port),
                "--smtp-port",
                Integer.toString(port)));

    assertThat(PortCheck.problems(options))
        .contains(
            "Port %d is chosen for both PostgreSQL and SMTP server. Choose another with --smtp-port."
                .formatted(port));
  }

  /** A port whose IMAP neighbour (+118) is free too. */
  private static int freeSmtpPort() {
    int port = Ports.free();
    while (port + Part.IMAP_OFFSET > 65535 || !Ports.isFree(port + Part.IMAP_OFFSET)) {
      port = Ports.free();
    }
    return port;
  }
}
