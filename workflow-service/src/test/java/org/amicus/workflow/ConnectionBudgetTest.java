package org.amicus.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped settings leave the connection pool room for the job executor: a dispatch job holds
 * its job's connection and opens one for the dispatch record's own transaction, so jobs alone must
 * never be able to take every connection. With Camunda's default of 10 job threads and Hikari's of
 * 10 connections, two workflow-services sharing a burst of due timers and dispatches (infra/e2e
 * TwoWorkflowServicesTest) saw every connection held by job threads each waiting for a second one,
 * until the pool timed out and an approval failed.
 */
class ConnectionBudgetTest {

  /** The job acquisition thread's connection and a few for requests, besides the jobs' two each. */
  private static final int ROOM_FOR_REQUESTS = 4;

  @Test
  void theConnectionPoolExceedsTwiceTheJobThreadsWithRoomForRequests() throws IOException {
    StandardEnvironment shipped = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yml"))
        .forEach(shipped.getPropertySources()::addLast);

    Integer pool = shipped.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class);
    Integer jobThreads =
        shipped.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class);

    assertThat(jobThreads).as("job threads set, not Camunda's default of 10").isNotNull();
    assertThat(pool).as("pool size set, not Hikari's default of 10").isNotNull();
    assertThat(pool).isGreaterThanOrEqualTo(2 * jobThreads + ROOM_FOR_REQUESTS);
  }
}
