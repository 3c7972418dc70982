package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.amicus.testkit.Spans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * With traces on, a person search by name against the real PostgreSQL leaves the request's span and
 * its JDBC spans in one trace, and the name (a query string, then a SQL parameter) in none of them.
 */
@TestPropertySource(
    properties = {
      // What TracingSwitch derives from AMICUS_OTLP_ENDPOINT; spans go to memory instead of OTLP.
      "management.tracing.enabled=true",
      "management.tracing.sampling.probability=1.0",
      "jdbc.datasource-proxy.enabled=true"
    })
@Import(TracedQueriesTest.InMemorySpans.class)
class TracedQueriesTest extends CasesIntegrationTest {

  static final String NAME = "Dzhakishev";

  @TestConfiguration
  static class InMemorySpans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @Autowired InMemorySpanExporter spans;
  @Autowired SdkTracerProvider tracerProvider;

  @Test
  void aPersonSearchByNameLeavesTheNameInNoSpanAndTheStatementsInTheRequestsTrace()
      throws Exception {
    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    spans.reset();

    int status =
        getAs(ANNA, "/api/persons?q=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8))
            .getStatus();
    assertThat(status).isEqualTo(200);

    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    List<SpanData> exported = spans.getFinishedSpanItems();
    SpanData request =
        exported.stream()
            .filter(span -> span.getName().contains("/api/persons"))
            .findFirst()
            .orElseThrow();
    assertThat(exported)
        .as("JDBC spans in the request's trace")
        .filteredOn(span -> span.getTraceId().equals(request.getTraceId()))
        .anySatisfy(span -> assertThat(span.getName()).containsIgnoringCase("query"));
    for (SpanData span : exported) {
      assertThat(Spans.text(span).toLowerCase(Locale.ROOT))
          .as("span %s", span.getName())
          .doesNotContain(NAME.toLowerCase(Locale.ROOT))
          .doesNotContain("select ");
    }
  }
}
