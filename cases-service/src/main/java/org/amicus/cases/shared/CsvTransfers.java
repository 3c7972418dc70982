package org.amicus.cases.shared;

import jakarta.validation.Validator;
import org.amicus.cases.audit.AuditLog;
import org.springframework.stereotype.Component;

/** What every {@link CsvTransfer} uses the same way: bean validation and the audit log. */
@Component
public class CsvTransfers {

  private final Validator validator;
  private final AuditLog audit;

  CsvTransfers(Validator validator, AuditLog audit) {
    this.validator = validator;
    this.audit = audit;
  }

  Validator validator() {
    return validator;
  }

  AuditLog audit() {
    return audit;
  }
}
