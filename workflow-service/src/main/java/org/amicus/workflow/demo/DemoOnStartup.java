package org.amicus.workflow.demo;

import java.time.Duration;
import java.time.Instant;
import org.amicus.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, loads the demo submissions once the service is ready, beside it
 * rather than before it: the name checks need cases-service's demo data and search-service's names
 * index, which start at the same time. It asks again every {@code retryEvery}, for at most {@code
 * waitAtMost}, and says in the log what it waits for.
 */
@Component
@Profile("demo")
class DemoOnStartup {

  private static final Logger log = LoggerFactory.getLogger(DemoOnStartup.class);

  private final DemoSubmissions demo;
  private final DemoProperties properties;
  private volatile boolean closing;

  DemoOnStartup(DemoSubmissions demo, DemoProperties properties) {
    this.demo = demo;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (properties.loadOnStart()) {
      Thread loader = new Thread(this::loadWhenReady, "amicus-demo-submissions");
      loader.setDaemon(true);
      loader.start();
    }
  }

  @EventListener(ContextClosedEvent.class)
  void stop() {
    closing = true;
  }

  void loadWhenReady() {
    Instant giveUpAt = Instant.now().plus(properties.waitAtMost());
    int attempt = 0;
    while (!closing) {
      attempt++;
      try {
        if (demo.load() == DemoSubmissions.Outcome.DONE) {
          log.info("Demo submissions loaded");
          return;
        }
      } catch (ApiProblem e) {
        if (e.getStatusCode().value() != 503) {
          // Problem details name fields, never persons.
          log.error("Demo submissions not loaded: {}", e.getBody().getDetail());
          return;
        }
      } catch (IllegalStateException e) {
        // The loader's own messages name demo keys and fields, never persons.
        log.error("Demo submissions not loaded: {}", e.getMessage());
        return;
      } catch (RuntimeException e) {
        // Another service failing on the way, most likely; its message may quote data.
        log.warn("Demo submissions: a step failed ({}); trying again", e.getClass().getName());
      }
      if (Instant.now().isAfter(giveUpAt)) {
        log.warn(
            "Demo submissions not loaded: cases-service's demo data or search-service's names"
                + " index was not ready within {}; restart workflow-service to try again",
            properties.waitAtMost());
        return;
      }
      log.info(
          "Demo submissions wait for cases-service's demo data and search-service's names index"
              + " (attempt {}, next in {})",
          attempt,
          properties.retryEvery());
      if (!pause(properties.retryEvery())) {
        return;
      }
    }
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
