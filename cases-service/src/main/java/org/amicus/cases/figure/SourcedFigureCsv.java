package org.amicus.cases.figure;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
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
 * Sourced figures as CSV, as persons and cases: an export of what the caller may read, and an
 * import that checks every row first and then creates all of them in one transaction or none.
 */
@Service
public class SourcedFigureCsv {

  /** The columns an import needs, in the order an export writes them. */
  static final List<String> COLUMNS =
      List.of(
          "value",
          "qualifier",
          "outOf",
          "unit",
          "label",
          "country",
          "legalArticle",
          "refersFrom",
          "refersTo",
          "countedBy",
          "sourceCitation",
          "sourceUrl",
          "visibility");

  /** Columns an export adds that an import ignores: an import always creates. */
  static final List<String> EXPORT_ONLY = List.of("id", "ownerOrg");

  static final int MAX_EXPORT = 10_000;

  private final SourcedFigures figures;
  private final SourcedFigureService service;
  private final AuditLog audit;
  private final Validator validator;

  SourcedFigureCsv(
      SourcedFigures figures, SourcedFigureService service, AuditLog audit, Validator validator) {
    this.figures = figures;
    this.service = service;
    this.audit = audit;
    this.validator = validator;
  }

  @Transactional
  public String export(Caller caller, FigureFilter filter, Sort sort) {
    Access.requireContentRole(caller);
    Page<SourcedFigure> page =
        figures.findAll(
            SourcedFigureService.spec(caller, filter), PageRequest.of(0, MAX_EXPORT, sort));
    if (page.getTotalElements() > MAX_EXPORT) {
      throw ApiProblem.invalid(
          "filter",
          "matches " + page.getTotalElements() + " figures; export at most " + MAX_EXPORT);
    }
    audit.record(caller, "export", SourcedFigureService.RECORD, "*");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(EXPORT_ONLY);
    header.addAll(COLUMNS);
    rows.add(header);
    for (SourcedFigure f : page) {
      rows.add(
          List.of(
              String.valueOf(f.id),
              f.ownerOrg,
              number(f.value),
              f.qualifier.name(),
              number(f.outOf),
              f.unit.name(),
              f.label,
              text(f.country),
              text(f.legalArticle),
              f.refersFrom,
              text(f.refersTo),
              f.countedBy,
              f.sourceCitation,
              text(f.sourceUrl),
              f.visibility.name()));
    }
    return Csv.write(rows);
  }

  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    Access.requireContentRole(caller);
    Access.organisationOf(caller);
    List<RowError> errors = new ArrayList<>();
    List<Line> lines = CsvImport.read(csv, COLUMNS, Set.copyOf(EXPORT_ONLY), errors);
    List<FigureRequest> valid = new ArrayList<>();
    for (Line line : lines) {
      int before = errors.size();
      FigureRequest request =
          new FigureRequest(
              decimal(line, "value", errors),
              line.enumeration("qualifier", Qualifier.class, errors),
              decimal(line, "outOf", errors),
              line.enumeration("unit", Unit.class, errors),
              line.get("label"),
              line.get("country"),
              line.get("legalArticle"),
              line.get("refersFrom"),
              line.get("refersTo"),
              line.get("countedBy"),
              line.get("sourceCitation"),
              line.get("sourceUrl"),
              line.enumeration("visibility", Visibility.class, errors));
      CsvImport.validate(validator, request, line, errors, before);
      if (errors.size() == before) {
        for (FieldError e : SourcedFigureService.problems(request)) {
          errors.add(new RowError(line.number(), e.field(), e.message()));
        }
      }
      if (errors.size() == before) {
        valid.add(request);
      }
    }
    int refusedRows =
        (int) errors.stream().filter(e -> e.field().equals("row")).count(); // not among lines
    if (dryRun) {
      return new ImportReport(true, lines.size() + refusedRows, valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(request -> service.create(caller, request, false));
    return new ImportReport(false, lines.size(), valid.size(), valid.size(), List.of());
  }

  private static BigDecimal decimal(Line line, String column, List<RowError> errors) {
    String value = line.get(column);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.add(new RowError(line.number(), column, "must be a number like 21 or 99.8"));
      return null;
    }
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : SourcedFigureService.strip(value).toPlainString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
