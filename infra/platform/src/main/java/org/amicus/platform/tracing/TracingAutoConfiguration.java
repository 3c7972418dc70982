package org.amicus.platform.tracing;

import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * What every application's spans leave out, whether traces are on or off (TracingSwitch): Boot
 * registers each {@link ObservationFilter} and {@link ObservationPredicate} bean with the
 * observation registry.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationFilter.class)
public class TracingAutoConfiguration {

  @Bean
  ObservationFilter noPersonalDataInSpans() {
    return new NoPersonalDataInSpans();
  }

  /**
   * JDBC spans only inside a request or another traced piece of work: Camunda's job acquisition and
   * other polling would otherwise start a trace of their own for every statement.
   */
  @Bean
  ObservationPredicate jdbcOnlyWithinWork(ObjectProvider<ObservationRegistry> registry) {
    return (name, context) ->
        !name.startsWith("jdbc.") || registry.getObject().getCurrentObservation() != null;
  }
}
