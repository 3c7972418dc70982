package org.amicus.cases.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.audit.Verification;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks the whole audit trail; reveals no content, so admins may run it too. */
@RestController
class AuditResource {

  private final AuditLog audit;

  AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @Operation(summary = "Check that the audit trail's hash chain is unbroken (coordinator or admin)")
  @GetMapping("/api/cases/audit/verify")
  Verification verify(Caller caller) {
    if (!caller.has(Role.COORDINATOR) && !caller.has(Role.ADMIN)) {
      throw ApiProblem.forbidden("Verifying the audit trail is for coordinators and admins");
    }
    return audit.verify();
  }
}
