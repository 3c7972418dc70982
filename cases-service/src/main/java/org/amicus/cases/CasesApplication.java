package org.amicus.cases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The coalition's documentation: persons, cases, UN decisions and UPR recommendations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasesApplication {

  public static void main(String[] args) {
    SpringApplication.run(CasesApplication.class, args);
  }
}
