package org.amicus.cases.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every CSV import shares: the header decides which column is which, each bad cell is reported
 * with its line and field, a dry run answers the report without writing, and a real import with any
 * bad row answers 400 and writes nothing.
 */
public final class CsvImport {

  private CsvImport() {}

  /** One offending cell of a CSV import. */
  public record RowError(int line, String field, String message) {}

  /**
   * What an import did, or with {@code dryRun} would do.
   *
   * @param rows data rows in the file
   * @param valid rows that are (or would be) created
   * @param created rows written; 0 in a dry run
   */
  public record ImportReport(
      boolean dryRun, int rows, int valid, int created, List<RowError> errors) {}

  /** A data row by column name; blank cells read as null. */
  public record Line(int number, Map<String, String> cells) {

    public String get(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }

    /** The raw cell, spaces kept (free text). */
    public String text(String column) {
      String value = cells.get(column);
      return value == null || value.isEmpty() ? null : value;
    }

    public Integer integer(String column, List<RowError> errors) {
      String value = get(column);
      if (value == null) {
        return null;
      }
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException e) {
        errors.add(new RowError(number, column, "must be a whole number"));
        return null;
      }
    }

    public <E extends Enum<E>> E enumeration(String column, Class<E> type, List<RowError> errors) {
      String value = get(column);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new RowError(
                number, column, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
      }
    }

    /** A multi-valued cell: values separated by {@code ;}. */
    public List<String> list(String column) {
      String value = get(column);
      return value == null
          ? List.of()
          : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public <T> List<T> list(
        String column, Function<String, T> parse, String expected, List<RowError> errors) {
      List<T> out = new ArrayList<>();
      for (String item : list(column)) {
        try {
          out.add(parse.apply(item));
        } catch (IllegalArgumentException e) {
          errors.add(new RowError(number, column, "'" + item + "' " + expected));
        }
      }
      return out;
    }
  }

  /**
   * Reads the file: the header must name every one of {@code columns}, in any order, and may also
   * name {@code ignored} ones (what an export adds, such as ids). 400 naming {@code csv} otherwise.
   */
  public static List<Line> read(
      String csv, List<String> columns, Set<String> ignored, List<RowError> errors) {
    Csv.Table table = table(csv);
    List<Csv.Row> rows = table.rows();
    if (rows.isEmpty()) {
      throw ApiProblem.invalid(
          "csv", "the first line must be the header " + String.join(",", columns));
    }
    List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
    List<FieldError> headerErrors = new ArrayList<>();
    for (String name : header) {
      if (!columns.contains(name) && !ignored.contains(name)) {
        headerErrors.add(new FieldError("csv", "line 1: unknown column '" + name + "'"));
      }
    }
    for (String column : columns) {
      if (!header.contains(column)) {
        headerErrors.add(new FieldError("csv", "line 1: the column '" + column + "' is missing"));
      }
    }
    if (!headerErrors.isEmpty()) {
      throw ApiProblem.invalid(headerErrors);
    }
    List<Line> lines = new ArrayList<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() != header.size()) {
        errors.add(
            new RowError(
                row.line(),
                "row",
                "has " + row.cells().size() + " cells, the header " + header.size()));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), Csv.unguard(row.cells().get(i)));
      }
      lines.add(new Line(row.line(), cells));
    }
    malformed(table, header, errors);
    return lines;
  }

  /** Reads the text as CSV; 400 naming {@code csv} when not even the header can be read. */
  public static Csv.Table table(String csv) {
    Csv.Table table = Csv.read(csv == null ? "" : csv);
    if (table.rows().isEmpty() && table.malformed().isPresent()) {
      Csv.Malformed m = table.malformed().get();
      throw ApiProblem.invalid("csv", "line " + m.line() + ": " + m.reason());
    }
    return table;
  }

  /**
   * Reports the record the reader refused, by its line and the column of its cell, as a row error:
   * the dry run shows it beside the others and a real import refuses the file.
   */
  public static void malformed(Csv.Table table, List<String> header, List<RowError> errors) {
    table
        .malformed()
        .ifPresent(
            m ->
                errors.add(
                    new RowError(
                        m.line(),
                        m.cell() >= 0 && m.cell() < header.size() ? header.get(m.cell()) : "row",
                        m.reason() + "; the lines after it are not read")));
  }

  /** The request body as UTF-8 text; 400 naming {@code csv} when it is not UTF-8. */
  public static String utf8(byte[] body) {
    if (body == null) {
      return "";
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ApiProblem.invalid("csv", "must be UTF-8 text");
    }
  }

  /** A CSV download: UTF-8, named, never cached (it may hold contact data). */
  public static ResponseEntity<String> download(String csv, String fileName) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .body(csv);
  }

  /** The answer to a real import with bad rows: every row error as a field of a 400. */
  public static ApiProblem problem(List<RowError> errors) {
    ApiProblem problem =
        ApiProblem.invalid(
            errors.stream()
                .map(e -> new FieldError("line " + e.line() + ": " + e.field(), e.message()))
                .toList());
    problem.getBody().setProperty("rows", errors);
    return problem;
  }

  /**
   * Adds the bean-validation errors of a row's request, except for fields whose cell was already
   * refused while parsing (a bad enum value would otherwise also read "must not be null").
   *
   * @param from the index in {@code errors} where this row's parse errors start
   */
  public static void validate(
      Validator validator, Object request, Line line, List<RowError> errors, int from) {
    Set<String> refused =
        errors.subList(from, errors.size()).stream()
            .map(RowError::field)
            .collect(Collectors.toSet());
    for (ConstraintViolation<Object> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString().replaceFirst("[\\[.].*$", "");
      if (!refused.contains(field)) {
        errors.add(new RowError(line.number(), field, v.getMessage()));
      }
    }
  }
}
