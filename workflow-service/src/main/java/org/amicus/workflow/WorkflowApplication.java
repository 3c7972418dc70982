package org.amicus.workflow;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Advocacy submissions from draft to dispatch, on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkflowApplication {

  static {
    FactoryLookups.pin();
  }

  public static void main(String[] args) {
    SpringApplication.run(WorkflowApplication.class, args);
  }

  /** One clock, so deadlines can be tested without waiting for them. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
