package org.amicus.cases.recommendation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.shared.Csv;
import org.amicus.cases.shared.CsvImport;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A UPR cycle's recommendations as the UN publishes them, imported from CSV with a fixed header (no
 * export: the coalition's assessments are not part of it).
 */
@Service
public class RecommendationCsv {

  /** The CSV columns, in order; multi-valued cells separate values with ';'. */
  static final List<String> COLUMNS =
      List.of(
          "stateUnderReview",
          "cycle",
          "session",
          "reportSymbol",
          "paragraph",
          "recommendingStates",
          "text",
          "themes",
          "response");

  private final Recommendations recommendations;
  private final RecommendationService service;
  private final Validator validator;

  RecommendationCsv(
      Recommendations recommendations, RecommendationService service, Validator validator) {
    this.recommendations = recommendations;
    this.service = service;
    this.validator = validator;
  }

  /**
   * Imports a cycle's recommendations from CSV: every row is checked first; with any bad row
   * nothing is written (a dry run reports the same without ever writing).
   */
  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    RecommendationService.requireCoordinator(caller);
    List<RowError> errors = new ArrayList<>();
    List<RecommendationRequest> valid = new ArrayList<>();
    Csv.Table table = CsvImport.table(csv);
    List<Csv.Row> rows = table.rows();
    if (rows.isEmpty() || !header(rows.get(0)).equals(COLUMNS)) {
      throw ApiProblem.invalid(
          "csv", "the first line must be the header " + String.join(",", COLUMNS));
    }
    Set<String> seen = new HashSet<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      RecommendationRequest request = parse(row, errors);
      if (request == null) {
        continue;
      }
      String key = request.reportSymbol().trim() + " " + request.paragraph().trim();
      if (!seen.add(key)) {
        errors.add(new RowError(row.line(), "paragraph", "appears twice in this file"));
      } else if (recommendations
          .findByReportSymbolAndParagraph(request.reportSymbol().trim(), request.paragraph().trim())
          .isPresent()) {
        errors.add(new RowError(row.line(), "paragraph", "already imported for this report"));
      } else {
        valid.add(request);
      }
    }
    CsvImport.malformed(table, COLUMNS, errors);
    int dataRows = rows.size() - 1;
    if (dryRun) {
      return new ImportReport(true, dataRows, valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(request -> service.create(caller, request, false));
    return new ImportReport(false, dataRows, valid.size(), valid.size(), List.of());
  }

  private static List<String> header(Csv.Row row) {
    return row.cells().stream().map(String::trim).toList();
  }

  private RecommendationRequest parse(Csv.Row row, List<RowError> errors) {
    int before = errors.size();
    List<String> cells = row.cells();
    if (cells.size() != COLUMNS.size()) {
      errors.add(
          new RowError(
              row.line(), "row", "has " + cells.size() + " cells, expected " + COLUMNS.size()));
      return null;
    }
    Map<String, String> cell = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      String value = cells.get(i).trim();
      cell.put(COLUMNS.get(i), value.isEmpty() ? null : value);
    }
    Integer cycle = integer(row, "cycle", cell.get("cycle"), errors);
    Integer session = integer(row, "session", cell.get("session"), errors);
    Response response = null;
    if (cell.get("response") != null) {
      try {
        response = Response.valueOf(cell.get("response").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(row.line(), "response", "must be SUPPORTED or NOTED"));
      }
    }
    RecommendationRequest request =
        new RecommendationRequest(
            cell.get("stateUnderReview"),
            cycle,
            session,
            cell.get("reportSymbol"),
            cell.get("paragraph"),
            list(cell.get("recommendingStates")),
            cell.get("text"),
            list(cell.get("themes")),
            response);
    for (ConstraintViolation<RecommendationRequest> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString().replaceFirst("\\[.*$", "");
      errors.add(new RowError(row.line(), field, v.getMessage()));
    }
    return errors.size() == before ? request : null;
  }

  private static Integer integer(Csv.Row row, String field, String value, List<RowError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(new RowError(row.line(), field, "must be a whole number"));
      return null;
    }
  }

  private static List<String> list(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
