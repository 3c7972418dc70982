package org.amicus.search.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amicus.search.TestElasticsearch;
import org.amicus.search.index.IndexWriter;
import org.amicus.search.index.SearchIndex;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.Spans;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With traces on, a search for a person's name through the real service, Keycloak and Elasticsearch
 * leaves spans for the request and for Elasticsearch, and the name in none of them; a log line
 * written while serving a request carries its trace id next to its correlation id.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // What TracingSwitch derives from AMICUS_OTLP_ENDPOINT; spans go to memory instead of OTLP.
      "management.tracing.enabled=true",
      "management.tracing.sampling.probability=1.0",
      "amicus.search.ingest.enabled=false",
      "logging.structured.format.console=ecs"
    })
class TracesWithoutPersonalDataTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String NAME = "Dzhakishev";

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    String alias =
        "traces-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    SpringProperties.of(RealDependencies.elasticsearch())
        .forEach((key, value) -> registry.add(key, () -> value));
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.search.index.alias", () -> alias);
    registry.add("amicus.search.index.state-index", () -> alias + "-state");
    registry.add("amicus.search.index.dead-letter-index", () -> alias + "-dead-letters");
  }

  @TestConfiguration
  static class InMemorySpans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    Failing failing() {
      return new Failing();
    }
  }

  /** A request that fails unexpectedly, so the service writes its error log line while serving. */
  @RestController
  static class Failing {
    @GetMapping("/api/test-only/failure")
    String fail() {
      throw new IllegalStateException("test");
    }
  }

  @LocalServerPort int port;
  @Autowired SearchIndex index;
  @Autowired IndexWriter writer;
  @Autowired InMemorySpanExporter spans;
  @Autowired SdkTracerProvider tracerProvider;

  @BeforeEach
  void forgetEarlierSpans() {
    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    spans.reset();
  }

  /** A person by that name, as cases-service's feed brings it: its writes are traced too. */
  private void indexPerson() throws Exception {
    index.ensure();
    writer.apply(
        "cases",
        index.alias(),
        List.of(
            TestElasticsearch.upsert(
                1,
                "person",
                UUID.randomUUID().toString(),
                TestElasticsearch.doc(
                    "names",
                    List.of(NAME),
                    "ownerOrg",
                    "odf",
                    "visibility",
                    "COALITION",
                    "readers",
                    TestElasticsearch.readers("odf", "COALITION")))),
        true);
  }

  @Test
  void aSearchForANameLeavesTheNameInNoSpan() throws Exception {
    indexPerson();
    HttpResponse<String> answer =
        get("/api/search?q=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8), "search-trace-1");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).as("the person is found").contains(NAME);

    List<SpanData> exported = flushed();
    SpanData request =
        exported.stream()
            .filter(span -> span.getName().contains("/api/search"))
            .findFirst()
            .orElseThrow();
    assertThat(exported)
        .as("the Elasticsearch client's span, in the request's trace")
        .filteredOn(span -> span.getTraceId().equals(request.getTraceId()))
        .anySatisfy(
            span -> assertThat(span.getAttributes().asMap().toString()).contains("db.system"));
    for (SpanData span : exported) {
      assertThat(Spans.text(span).toLowerCase(Locale.ROOT))
          .as("span %s", span.getName())
          .doesNotContain(NAME.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void theTraceIdIsLoggedNextToTheCorrelationId(CapturedOutput output) throws Exception {
    String correlationId = "trace-log-" + UUID.randomUUID();
    assertThat(get("/api/test-only/failure", correlationId).statusCode()).isEqualTo(500);

    String traceId = flushed().get(0).getTraceId();
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("\"correlationId\":\"" + correlationId + "\""))
        .singleElement()
        .satisfies(line -> assertThat(line).contains(traceId).contains("Unhandled"));
  }

  private List<SpanData> flushed() {
    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    return spans.getFinishedSpanItems();
  }

  private HttpResponse<String> get(String path, String correlationId) throws Exception {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "anna");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("X-Correlation-Id", correlationId)
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
