package org.amicus.cases.figure;

import java.math.BigDecimal;
import java.util.List;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
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
 * Sourced figures as CSV, as persons and cases: an export of what the caller may read, and an
 * import that checks every row first and then creates all of them in one transaction or none.
 */
@Service
public class SourcedFigureCsv extends CsvTransfer<FigureFilter, SourcedFigure, FigureRequest> {

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

  private final SourcedFigures figures;
  private final SourcedFigureService service;

  SourcedFigureCsv(SourcedFigures figures, SourcedFigureService service, CsvTransfers transfers) {
    super(new Format(SourcedFigureService.RECORD, "figures", EXPORT_ONLY, COLUMNS), transfers);
    this.figures = figures;
    this.service = service;
  }

  @Override
  protected Page<SourcedFigure> find(Caller caller, FigureFilter filter, Pageable page) {
    return figures.findAll(SourcedFigureService.spec(caller, filter), page);
  }

  @Override
  protected List<String> row(Caller caller, SourcedFigure f) {
    return List.of(
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
        f.visibility.name());
  }

  @Override
  protected List<FieldError> check(Caller caller, FigureRequest request) {
    return SourcedFigureService.problems(request);
  }

  @Override
  protected void create(Caller caller, FigureRequest request) {
    service.create(caller, request, false);
  }

  @Override
  protected FigureRequest read(Line line, List<RowError> errors) {
    return new FigureRequest(
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
