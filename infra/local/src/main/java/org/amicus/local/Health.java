package org.amicus.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a part answers: {@code http://} health URLs must answer 200, {@code tcp://} addresses
 * (PostgreSQL, SMTP) must accept a connection.
 */
final class Health {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private Health() {}

  static boolean isUp(String healthUrl) {
    if (healthUrl == null) {
      return false;
    }
    URI uri = URI.create(healthUrl);
    return "tcp".equals(uri.getScheme()) ? accepts(uri) : answers200(uri);
  }

  static String httpUrl(int port, String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static String tcpUrl(String host, int port) {
    return "tcp://" + host + ":" + port;
  }

  private static boolean accepts(URI uri) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean answers200(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
