package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the gateway costs: the same GET with the same token and the same answer, once straight to a
 * service and once through the gateway, both checking the token against the real Keycloak's keys.
 * Prints throughput and p50/p99 latency of both and their ratio, and writes {@code
 * gateway/target/benchmarks/gateway.md}. Tagged {@code benchmark}: {@code ./mvnw -B verify
 * -Pbenchmarks -pl gateway -am} (docs/performance.md).
 *
 * <p>The service is a small stand-in that validates the token like every Amicus service does
 * (signature, issuer, audience, expiry) and answers a fixed JSON body, so the figures measure the
 * gateway rather than a database.
 */
@Tag("benchmark")
class GatewayBenchmark {

  private static final String PATH = "/api/cases/7";
  private static final byte[] PAYLOAD =
      "{\"id\":7,\"title\":\"Benchmark case\",\"status\":\"OPEN\"}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void gatewayAgainstDirect() throws Exception {
    int threads = Integer.getInteger("benchmark.threads", 8);
    Duration warmup = Duration.ofSeconds(Long.getLong("benchmark.warmup", 5));
    Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));

    KeycloakInfo keycloak = RealDependencies.keycloak();
    ExecutorService serviceThreads = Executors.newFixedThreadPool(8);
    ExecutorService clientThreads = Executors.newFixedThreadPool(threads);
    HttpServer service = validatingService(keycloak, serviceThreads);
    String serviceUrl = "http://127.0.0.1:" + service.getAddress().getPort();
    ConfigurableApplicationContext gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            // Command-line arguments: they outrank amicus-defaults.yml, default properties do not.
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                "--amicus.gateway.login.issuer-uri=" + keycloak.issuer(),
                "--AMICUS_CASES_URL=" + serviceUrl,
                "--amicus.gateway.rate-limit.capacity=1000000000",
                "--amicus.gateway.rate-limit.refill-per-second=1000000000",
                "--logging.level.root=WARN");
    String gatewayUrl =
        "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(clientThreads)
              .build();
      // Tokens live 5 minutes in the realm: one fresh token per phase, the same for both paths.
      String token = Tokens.accessToken(keycloak, "anna");
      run(client, serviceUrl, token, threads, warmup);
      run(client, gatewayUrl, token, threads, warmup);
      token = Tokens.accessToken(keycloak, "anna");
      Result direct = run(client, serviceUrl, token, threads, measure);
      token = Tokens.accessToken(keycloak, "anna");
      Result through = run(client, gatewayUrl, token, threads, measure);
      String report = report(direct, through, threads, measure);
      System.out.println(report);
      Path file = Path.of("target", "benchmarks", "gateway.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);
      System.out.println("Written to " + file.toAbsolutePath());
      // A figure measured over failing requests would flatter either path.
      assertThat(direct.failures()).as("failed direct requests").isZero();
      assertThat(through.failures()).as("failed requests through the gateway").isZero();
    } finally {
      gateway.close();
      service.stop(0);
      serviceThreads.shutdown();
      clientThreads.shutdown();
    }
  }

  /** A service stand-in that checks the token as every Amicus service does. */
  private static HttpServer validatingService(KeycloakInfo keycloak, ExecutorService threads)
      throws IOException {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(keycloak.issuer() + "/protocol/openid-connect/certs")
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(keycloak.issuer()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(KeycloakInfo.AUDIENCE))));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          int status;
          byte[] body;
          try {
            decoder.decode(authorization.substring("Bearer ".length()));
            status = 200;
            body = PAYLOAD;
          } catch (JwtException | NullPointerException | StringIndexOutOfBoundsException e) {
            status = 401;
            body = new byte[0];
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  record Result(String target, long requests, long failures, double seconds, long[] nanos) {

    double throughput() {
      return requests / seconds;
    }

    double percentileMillis(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  private static Result run(
      HttpClient client, String base, String token, int threads, Duration duration)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + PATH))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    AtomicLong failures = new AtomicLong();
    Instant end = Instant.now().plus(duration);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      results.add(
          workers.submit(
              () -> {
                long[] samples = new long[1024];
                int count = 0;
                while (Instant.now().isBefore(end)) {
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> response =
                      client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long elapsed = System.nanoTime() - t0;
                  if (response.statusCode() != 200 || !Arrays.equals(response.body(), PAYLOAD)) {
                    failures.incrementAndGet();
                  }
                  if (count == samples.length) {
                    samples = Arrays.copyOf(samples, count * 2);
                  }
                  samples[count++] = elapsed;
                }
                return Arrays.copyOf(samples, count);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    workers.shutdown();
    long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(base, nanos.length, failures.get(), seconds, nanos);
  }

  private static String report(Result direct, Result through, int threads, Duration measure) {
    StringBuilder out = new StringBuilder();
    out.append("# Gateway benchmark\n\n");
    out.append(
        "GET %s with the same Keycloak token and the same %d-byte answer; %d client threads, %d s per path, measured %s. Token validated by the service on both paths and by the gateway as well on the gateway path.\n\n"
            .formatted(PATH, PAYLOAD.length, threads, measure.toSeconds(), Instant.now()));
    out.append("| path | requests | failures | req/s | p50 ms | p99 ms |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (var entry :
        List.of(Map.entry("direct to service", direct), Map.entry("through gateway", through))) {
      Result r = entry.getValue();
      out.append(
          "| %s | %d | %d | %.0f | %.2f | %.2f |\n"
              .formatted(
                  entry.getKey(),
                  r.requests(),
                  r.failures(),
                  r.throughput(),
                  r.percentileMillis(0.50),
                  r.percentileMillis(0.99)));
    }
    out.append(
        "\nRatio gateway/direct: throughput %.2f, p50 latency %.2f, p99 latency %.2f\n"
            .formatted(
                through.throughput() / direct.throughput(),
                through.percentileMillis(0.50) / direct.percentileMillis(0.50),
                through.percentileMillis(0.99) / direct.percentileMillis(0.99)));
    out.append(
        "\nClient, gateway and service share one JVM and this machine's cores: absolute figures depend on the machine, the ratio is the gateway's cost.\n");
    return out.toString();
  }
}
