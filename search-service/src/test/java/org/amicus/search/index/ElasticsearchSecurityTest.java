package org.amicus.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * search-service talks to an Elasticsearch with security on (ECK, compose) as its own settings say:
 * over https trusting the cluster's CA (AMICUS_ELASTICSEARCH_CA) and no other, with the user and
 * password it is given. A TLS server with a certificate of its own stands in for the cluster: this
 * is about the connection, which a bare test node (no x-pack) cannot offer.
 */
class ElasticsearchSecurityTest {

  @TempDir static Path directory;

  private static HttpsServer server;
  private static final List<String> authorizations = new CopyOnWriteArrayList<>();
  private static Path ca;

  @BeforeEach
  void forgetEarlierRequests() {
    authorizations.clear();
  }

  @BeforeAll
  static void startTlsServer() throws Exception {
    Path keystore = directory.resolve("node.p12");
    ca = directory.resolve("ca.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "EC",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "test-only",
        "-storetype",
        "PKCS12");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "node",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "test-only",
        "-file",
        ca.toString());

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "test-only".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "test-only".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/_cluster/health",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(String.valueOf(authorization));
          byte[] body = "{\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
          exchange.sendResponseHeaders(authorization == null ? 401 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stopTlsServer() {
    server.stop(0);
  }

  @Test
  void sendsItsCredentialsOverTlsToTheClusterItsCaVouchesFor() {
    runner(Map.of("AMICUS_ELASTICSEARCH_CA", "file:" + ca))
        .run(
            context -> {
              Response response =
                  context
                      .getBean(RestClient.class)
                      .performRequest(new Request("GET", "/_cluster/health"));

              assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
              assertThat(authorizations)
                  .containsExactly(
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  "amicus-search:test-password".getBytes(StandardCharsets.UTF_8)));
            });
  }

  @Test
  void refusesAClusterWhoseCertificateItsCaDoesNotVouchFor() {
    runner(Map.of())
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(RestClient.class)
                                .performRequest(new Request("GET", "/_cluster/health")))
                    .rootCause()
                    .isInstanceOf(CertPathBuilderException.class));
    assertThat(authorizations).isEmpty();
  }

  private static ApplicationContextRunner runner(Map<String, Object> environment) {
    Map<String, Object> variables = new HashMap<>(environment);
    variables.put(
        "AMICUS_ELASTICSEARCH_URIS", "https://localhost:" + server.getAddress().getPort());
    variables.put("AMICUS_ELASTICSEARCH_USERNAME", "amicus-search");
    variables.put("AMICUS_ELASTICSEARCH_PASSWORD", "test-password");
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                SslAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class))
        .withInitializer(
            context -> {
              try {
                var sources = context.getEnvironment().getPropertySources();
                sources.addFirst(new MapPropertySource("environment", variables));
                new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
