package org.amicus.cases.casefile;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.CsvTransfer;
import org.amicus.cases.shared.CsvTransfers;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.FieldError;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Cases as CSV: an export of any filtered list, and an import that checks every row first (also the
 * persons each row names) and then creates all of them in one transaction or none. Charges, events
 * and decisions are not part of the CSV.
 */
@Service
public class CaseCsv extends CsvTransfer<CaseFilter, CaseFile, CaseRequest> {

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

  private final CaseFiles cases;
  private final CaseService service;

  CaseCsv(CaseFiles cases, CaseService service, CsvTransfers transfers) {
    super(new Format(CaseService.RECORD, "cases", EXPORT_ONLY, COLUMNS), transfers);
    this.cases = cases;
    this.service = service;
  }

  @Override
  protected Page<CaseFile> find(Caller caller, CaseFilter filter, Pageable page) {
    return cases.findAll(CaseQueries.visibleTo(caller, filter), page);
  }

  @Override
  protected List<String> row(Caller caller, CaseFile c) {
    return List.of(
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
        c.visibility.name());
  }

  @Override
  protected List<FieldError> check(Caller caller, CaseRequest request) {
    return service.check(caller, request);
  }

  @Override
  protected void create(Caller caller, CaseRequest request) {
    service.create(caller, request);
  }

  @Override
  protected CaseRequest read(Line line, List<RowError> errors) {
    return new CaseRequest(
        line.get("title"),
        line.text("summary"),
        line.get("country"),
        line.integer("year", errors),
        line.list("personIds", Long::valueOf, "is not a person id", errors),
        new HashSet<>(
            line.list(
                "violations",
                v -> Violation.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not one of " + Arrays.toString(Violation.values()),
                errors)),
        line.enumeration("status", Status.class, errors),
        line.enumeration("riskLevel", RiskLevel.class, errors),
        line.enumeration("visibility", Visibility.class, errors));
  }
}
