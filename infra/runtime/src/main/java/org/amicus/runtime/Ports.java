package org.amicus.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free-port lookup and a clear message when a configured port is taken. */
public final class Ports {

  private Ports() {}

  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback interface", e);
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @param what the component in the user's words, e.g. "Keycloak"
   * @param setting how to choose another port, e.g. "--keycloak-port"
   */
  public static void requireFree(int port, String what, String setting) {
    if (!isFree(port)) {
      throw new IllegalStateException(
          "Port %d for %s is already taken by another program. Stop that program or choose another port with %s."
              .formatted(port, what, setting));
    }
  }
}
