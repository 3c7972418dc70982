package org.amicus.cases.figure;

import java.math.BigDecimal;
import java.util.List;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.CsvRecords;
import org.amicus.cases.shared.CsvTransfer;
import org.amicus.cases.shared.CsvTransfers;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sourced figures as CSV, as persons and cases: an export of what the caller may read, and an
 * import that checks every row first and then creates all of them in one transaction or none.
 */
@Service
public class SourcedFigureCsv implements CsvRecords<FigureFilter> {

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
  private final CsvTransfer<FigureRequest> transfer;

  SourcedFigureCsv(SourcedFigures figures, SourcedFigureService service, CsvTransfers transfers) {
    this.figures = figures;
    this.service = service;
    this.transfer =
        transfers.of(
            new CsvTransfer.Format(SourcedFigureService.RECORD, "figures", EXPORT_ONLY, COLUMNS));
  }

  @Override
  @Transactional
  public String export(Caller caller, FigureFilter filter, Sort sort) {
    return transfer.export(
        caller,
        sort,
        page -> figures.findAll(SourcedFigureService.spec(caller, filter), page),
        SourcedFigureCsv::row);
  }

  private static List<String> row(SourcedFigure f) {
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
  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    return transfer.importCsv(
        caller,
        csv,
        dryRun,
        SourcedFigureCsv::request,
        SourcedFigureService::problems,
        request -> service.create(caller, request, false));
  }

  private static FigureRequest request(Line line, List<RowError> errors) {
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
