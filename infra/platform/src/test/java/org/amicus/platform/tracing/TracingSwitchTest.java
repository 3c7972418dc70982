package org.amicus.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** Traces are off unless an OTLP endpoint is set, and spans keep no query string or SQL. */
class TracingSwitchTest {

  @Test
  void withoutAnEndpointNothingIsSampledExportedOrWrapped() {
    MockEnvironment environment = new MockEnvironment();
    new TracingSwitch().postProcessEnvironment(environment, null);

    assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("false");
    assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.0");
    assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("false");
    assertThat(environment.containsProperty("management.otlp.tracing.endpoint")).isFalse();
  }

  @Test
  void anEndpointTurnsTracesOnAndAnOperatorsOwnSettingsStillWin() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty(TracingSwitch.ENDPOINT, "http://collector:4318/v1/traces")
            .withProperty("management.tracing.sampling.probability", "0.25");
    new TracingSwitch().postProcessEnvironment(environment, null);

    assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("management.otlp.tracing.endpoint"))
        .isEqualTo("http://collector:4318/v1/traces");
    assertThat(environment.getProperty("jdbc.datasource-proxy.enabled")).isEqualTo("true");
    assertThat(environment.getProperty("management.tracing.sampling.probability"))
        .isEqualTo("0.25");
  }

  @Test
  void spansKeepTheAddressWithoutItsQueryAndNoSqlTextOrParameters() {
    Observation.Context context = new Observation.Context();
    context.addLowCardinalityKeyValue(KeyValue.of("uri", "/api/search"));
    context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/search?q=Dzhakishev"));
    context.addHighCardinalityKeyValue(KeyValue.of("http.uri", "http://s:8083/api/search?q=A+B"));
    context.addHighCardinalityKeyValue(
        KeyValue.of("jdbc.query[0]", "select * from person where name = 'Dzhakishev'"));
    context.addHighCardinalityKeyValue(KeyValue.of("jdbc.params[0]", "(Dzhakishev)"));

    new NoPersonalDataInSpans().map(context);

    assertThat(context.getAllKeyValues().stream().map(KeyValue::getValue))
        .containsExactlyInAnyOrder("/api/search", "/api/search", "http://s:8083/api/search");
  }

  @Test
  void jdbcSpansOnlyWithinAnotherPieceOfWork() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(context -> true);
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("registry", registry);
    registry
        .observationConfig()
        .observationPredicate(
            new TracingAutoConfiguration()
                .jdbcOnlyWithinWork(beans.getBeanProvider(ObservationRegistry.class)));

    assertThat(Observation.createNotStarted("jdbc.query", registry).isNoop()).isTrue();
    Observation.createNotStarted("http.server.requests", registry)
        .observe(
            () ->
                assertThat(Observation.createNotStarted("jdbc.query", registry).isNoop())
                    .isFalse());
  }
}
