package org.amicus.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for a peer service behind the gateway: answers every request with a small JSON body
 * and remembers the headers of the last one, so a test can see what the service received.
 */
final class StandInService {

  private final HttpServer server;
  private final AtomicReference<Headers> lastHeaders = new AtomicReference<>();

  StandInService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          lastHeaders.set(exchange.getRequestHeaders());
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    // a thread per exchange, as a real service has: one slow exchange never holds up the next
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Headers lastHeaders() {
    return lastHeaders.get();
  }

  /** An address where nothing listens: a stopped service. */
  static String stopped() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
