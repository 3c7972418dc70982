package org.amicus.cases.casefile;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Csv;
import org.amicus.cases.shared.CsvImport;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as CSV: an export of any filtered list, and an import that checks every row first (also the
 * persons each row names) and then creates all of them in one transaction or none. Charges, events
 * and decisions are not part of the CSV.
 */
@Service
public class CaseCsv {

  /** The columns an import needs; multi-valued cells separate values with {@code ;}. */
  static final List<String> COLUMNS =
      List.of(
          "title",
          "summary",
          "country",
          "year",
          "personIds",
          "violations",
          "status",
          "riskLevel",
          "visibility");

  /** Columns an export adds that an import ignores: an import always creates new references. */
  static final List<String> EXPORT_ONLY = List.of("id", "reference", "ownerOrg");

  public static final int MAX_EXPORT = 10_000;

  private final CaseFiles cases;
  private final CaseService service;
  private final AuditLog audit;
  private final Validator validator;

  CaseCsv(CaseFiles cases, CaseService service, AuditLog audit, Validator validator) {
    this.cases = cases;
    this.service = service;
    this.audit = audit;
    this.validator = validator;
  }

  @Transactional
  public String export(Caller caller, CaseFilter filter, Sort sort) {
    Access.requireContentRole(caller);
    Page<CaseFile> page =
        cases.findAll(CaseService.spec(caller, filter), PageRequest.of(0, MAX_EXPORT, sort));
    if (page.getTotalElements() > MAX_EXPORT) {
      throw ApiProblem.invalid(
          "filter", "matches " + page.getTotalElements() + " cases; export at most " + MAX_EXPORT);
    }
    audit.record(caller, "export", CaseService.RECORD, "*");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(EXPORT_ONLY);
    header.addAll(COLUMNS);
    rows.add(header);
    for (CaseFile c : page) {
      rows.add(
          List.of(
              String.valueOf(c.id),
              c.reference,
              c.ownerOrg,
              c.title,
              c.summary == null ? "" : c.summary,
              c.country,
              String.valueOf(c.year),
              c.personIds.stream().map(String::valueOf).collect(Collectors.joining(";")),
              c.violations.stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
              c.status.name(),
              c.riskLevel.name(),
              c.visibility.name()));
    }
    return Csv.write(rows);
  }

  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    Access.requireContentRole(caller);
    Access.organisationOf(caller);
    List<RowError> errors = new ArrayList<>();
    List<Line> lines = CsvImport.read(csv, COLUMNS, Set.copyOf(EXPORT_ONLY), errors);
    List<CaseRequest> valid = new ArrayList<>();
    for (Line line : lines) {
      int before = errors.size();
      CaseRequest request =
          new CaseRequest(
              line.get("title"),
              line.text("summary"),
              line.get("country"),
              line.integer("year", errors),
              line.list("personIds", Long::valueOf, "is not a person id", errors),
              new HashSet<>(
                  line.list(
                      "violations",
                      v -> Violation.valueOf(v.toUpperCase(java.util.Locale.ROOT)),
                      "is not one of " + java.util.Arrays.toString(Violation.values()),
                      errors)),
              line.enumeration("status", Status.class, errors),
              line.enumeration("riskLevel", RiskLevel.class, errors),
              line.enumeration("visibility", Visibility.class, errors));
      CsvImport.validate(validator, request, line, errors, before);
      if (errors.size() == before) {
        for (FieldError e : service.check(caller, request)) {
          errors.add(new RowError(line.number(), e.field(), e.message()));
        }
      }
      if (errors.size() == before) {
        valid.add(request);
      }
    }
    int rows = lines.size() + (int) errors.stream().filter(e -> e.field().equals("row")).count();
    if (dryRun) {
      return new ImportReport(true, rows, valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(request -> service.create(caller, request));
    return new ImportReport(false, rows, valid.size(), valid.size(), List.of());
  }
}
