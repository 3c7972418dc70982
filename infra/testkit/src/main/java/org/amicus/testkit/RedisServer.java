package org.amicus.testkit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Redis (the {@code redis-server} binary from the PATH; Debian's {@code redis-server}
 * package, which {@code .ci/run} installs) on a free loopback port, without persistence, for as
 * long as a test needs it.
 */
public final class RedisServer implements AutoCloseable {

  private static final String BINARY = "redis-server";
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The binary, if the PATH has one. */
  public static Optional<Path> binary() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, BINARY))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts Redis with its log in {@code directory}, and waits until it answers PING. */
  public static RedisServer start(Path directory) {
    Path binary = binary().orElseThrow(() -> new IllegalStateException("no " + BINARY));
    int port = freePort();
    try {
      Files.createDirectories(directory);
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--port",
                  String.valueOf(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  directory.toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("redis.log").toFile())
              .start();
      RedisServer redis = new RedisServer(process, port);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      redis.awaitPong();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  private void awaitPong() {
    try {
      await("redis-server answering PING")
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(100))
          .until(this::answersPong);
    } catch (ConditionTimeoutException e) {
      close();
      throw e;
    }
  }

  private boolean answersPong() {
    if (!process.isAlive()) {
      throw new IllegalStateException("redis-server exited with " + process.exitValue());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return "+PONG".equals(answer);
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
