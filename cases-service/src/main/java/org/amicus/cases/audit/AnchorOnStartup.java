package org.amicus.cases.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Anchors the audit chain's head, or re-seals it with the current key, before serving. */
@Component
class AnchorOnStartup implements ApplicationRunner {

  private final AuditLog audit;

  AnchorOnStartup(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) {
    audit.anchorHead();
  }
}
