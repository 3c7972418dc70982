package org.amicus.cases.shared;

import jakarta.validation.Validator;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.shared.CsvTransfer.Format;
import org.springframework.stereotype.Component;

/** Makes the CSV transfer of each kind of record, with the validator and audit log they share. */
@Component
public class CsvTransfers {

  private final Validator validator;
  private final AuditLog audit;

  CsvTransfers(Validator validator, AuditLog audit) {
    this.validator = validator;
    this.audit = audit;
  }

  public <R> CsvTransfer<R> of(Format format) {
    return new CsvTransfer<>(format, validator, audit);
  }
}
