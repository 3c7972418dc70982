package org.amicus.platform.tracing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Traces are off unless an OTLP endpoint is set ({@code AMICUS_OTLP_ENDPOINT}, bound to {@code
 * amicus.tracing.otlp-endpoint}). Set, it turns on Boot's tracing, the OTLP exporter and the JDBC
 * spans, sampling {@code amicus.tracing.sampling} of the requests; unset, nothing is sampled,
 * exported, or wrapped around the database connections.
 *
 * <p>The derived values come last in the environment, so an operator's own {@code management.*}
 * settings still win. Registered in {@code META-INF/spring.factories}.
 */
public final class TracingSwitch implements EnvironmentPostProcessor {

  public static final String ENDPOINT = "amicus.tracing.otlp-endpoint";
  public static final String SAMPLING = "amicus.tracing.sampling";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("amicusTracing", of(environment)));
  }

  static Map<String, Object> of(ConfigurableEnvironment environment) {
    String endpoint = environment.getProperty(ENDPOINT, "");
    boolean on = StringUtils.hasText(endpoint);
    Map<String, Object> derived = new LinkedHashMap<>();
    derived.put("management.tracing.enabled", on);
    derived.put(
        "management.tracing.sampling.probability",
        on ? environment.getProperty(SAMPLING, Double.class, 1.0) : 0.0);
    derived.put("jdbc.datasource-proxy.enabled", on);
    if (on) {
      derived.put("management.otlp.tracing.endpoint", endpoint.trim());
    }
    return derived;
  }
}
