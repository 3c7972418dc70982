package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's HTTP server keeps reading a kept-alive connection after a request that arrived
 * while the previous one was still being answered. Reactor Netty 1.2.18, the version Spring Boot
 * 3.5 brings, and 1.3.7 stopped reading such a connection, so a browser's next request hung until
 * it gave up (reactor/reactor-netty#4361). The gateway's pom therefore takes Reactor Netty 1.3.8;
 * this test fails if the gateway ever runs on a server with that bug again.
 */
class KeptAliveConnectionTest {

  /** How long a request may go unanswered before it counts as lost; answers take milliseconds. */
  private static final Duration LOST = Duration.ofSeconds(10);

  private DisposableServer server;

  @BeforeEach
  void start() {
    server =
        HttpServer.create()
            .host(InetAddress.getLoopbackAddress().getHostAddress())
            .port(0)
            .handle(
                (request, response) ->
                    response.sendString(
                        request.uri().equals("/slow")
                            ? Mono.delay(Duration.ofMillis(100)).thenReturn(request.uri())
                            : Mono.just(request.uri())))
            .bindNow(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    server.disposeNow(Duration.ofSeconds(10));
  }

  @Test
  void aRequestAfterOneQueuedBehindASlowAnswerIsAnswered() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout((int) LOST.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      // The second request arrives while the first is still being answered, so the server queues
      // it; it is then answered at once, within the first one's completion.
      out.write((get("/slow") + get("/quick")).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      List<String> bodies = new ArrayList<>();
      bodies.add(readBody(in));
      bodies.add(readBody(in));

      // The next request on the same connection, as a browser sends it.
      out.write(get("/next").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      bodies.add(readBody(in));

      assertThat(bodies).containsExactly("/slow", "/quick", "/next");
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  /** Reads one {@code 200} response with a {@code Content-Length} and returns its body. */
  private static String readBody(InputStream in) throws IOException {
    String head = readHead(in);
    assertThat(head).startsWith("HTTP/1.1 200");
    int length = -1;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    assertThat(length).as("Content-Length of the answer").isNotNegative();
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
