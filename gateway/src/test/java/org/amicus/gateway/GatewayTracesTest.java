package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.Browser;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.Spans;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With traces on, a search for a person's name through the gateway reaches the service with the
 * gateway's trace (W3C traceparent), and the name is in none of the gateway's spans: the query
 * string stays off every address they record.
 */
@AutoConfigureObservability
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // What TracingSwitch derives from AMICUS_OTLP_ENDPOINT; spans go to memory instead of OTLP.
      "management.tracing.enabled=true",
      "management.tracing.sampling.probability=1.0"
    })
class GatewayTracesTest {

  private static final StandInService SEARCH = new StandInService();
  private static final String NAME = "Dzhakishev";

  @DynamicPropertySource
  static void realKeycloak(DynamicPropertyRegistry registry) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    SpringProperties.of(keycloak).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.gateway.login.issuer-uri", keycloak::issuer);
    registry.add("amicus.gateway.login.client-secret", () -> keycloak.clientSecret("gateway"));
    registry.add("AMICUS_SEARCH_URL", SEARCH::url);
  }

  @TestConfiguration
  static class InMemorySpans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @LocalServerPort int port;
  @Autowired InMemorySpanExporter spans;
  @Autowired SdkTracerProvider tracerProvider;

  @Test
  void aSearchThroughTheGatewayCarriesItsTraceAndLeavesTheNameInNoSpan() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "anna");

    HttpResponse<String> response =
        new Browser()
            .get(
                "http://127.0.0.1:"
                    + port
                    + "/api/search?q="
                    + URLEncoder.encode(NAME, StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + token));

    assertThat(response.statusCode()).isEqualTo(200);
    String traceparent = SEARCH.lastHeaders().getFirst("traceparent");
    assertThat(traceparent)
        .as("W3C trace context to the service")
        .matches("00-\\w{32}-\\w{16}-0\\d");
    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
    List<SpanData> exported = spans.getFinishedSpanItems();
    assertThat(exported)
        .as("the gateway's spans of that request")
        .anySatisfy(span -> assertThat(traceparent).contains(span.getTraceId()));
    for (SpanData span : exported) {
      assertThat(Spans.text(span).toLowerCase(Locale.ROOT))
          .as("span %s", span.getName())
          .doesNotContain(NAME.toLowerCase(Locale.ROOT));
    }
  }
}
