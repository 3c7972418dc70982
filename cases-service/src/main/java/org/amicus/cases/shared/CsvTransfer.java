package org.amicus.cases.shared;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The CSV of one kind of record, both ways: an export of a filtered list, and an import that checks
 * every row first (with {@link CsvImport}), answers a dry run with the report, and otherwise
 * creates all rows or none. What differs between kinds (the columns, how a row reads and what it
 * checks) is given; the rest is here once. Made by {@link CsvTransfers}.
 *
 * @param <R> the request a row states, the same a client would send to create one record
 */
public final class CsvTransfer<R> {

  /** An export holds at most this many rows; a larger list must be filtered first. */
  public static final int MAX_EXPORT = 10_000;

  /** Reads one line into a request, adding what it refuses (by column) to {@code errors}. */
  @FunctionalInterface
  public interface RowReader<R> {
    R read(Line line, List<RowError> errors);
  }

  /**
   * How one kind of record reads and writes as CSV.
   *
   * @param record its name in the audit trail, e.g. {@code case}
   * @param plural what the records are called in a refusal, e.g. {@code cases}
   * @param exportOnly columns an export writes first and an import ignores (ids, owner)
   * @param columns the columns an import needs, in the order an export writes them
   */
  public record Format(
      String record, String plural, List<String> exportOnly, List<String> columns) {}

  private final Format format;
  private final Validator validator;
  private final AuditLog audit;

  CsvTransfer(Format format, Validator validator, AuditLog audit) {
    this.format = format;
    this.validator = validator;
    this.audit = audit;
  }

  /**
   * The header and one row a record of the list {@code find} reads ({@code row} gives the cells in
   * the header's order), audited as an export; 400 naming {@code filter} when the list is longer
   * than an export holds.
   */
  public <E> String export(
      Caller caller, Sort sort, Function<Pageable, Page<E>> find, Function<E, List<String>> row) {
    Access.requireContentRole(caller);
    Page<E> page = find.apply(PageRequest.of(0, MAX_EXPORT, sort));
    if (page.getTotalElements() > MAX_EXPORT) {
      throw ApiProblem.invalid(
          "filter",
          "matches "
              + page.getTotalElements()
              + " "
              + format.plural()
              + "; export at most "
              + MAX_EXPORT);
    }
    audit.record(caller, "export", format.record(), "*");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(format.exportOnly());
    header.addAll(format.columns());
    rows.add(header);
    page.forEach(record -> rows.add(row.apply(record)));
    return Csv.write(rows);
  }

  /**
   * Reads every row, checks it with bean validation and then with {@code check} (what creating it
   * would refuse beyond that), and reports: a dry run writes nothing; otherwise any refused row
   * refuses the file with 400, or {@code create} makes every row. Only a caller who records content
   * for an organisation imports.
   */
  public ImportReport importCsv(
      Caller caller,
      String csv,
      boolean dryRun,
      RowReader<R> reader,
      Function<R, List<FieldError>> check,
      Consumer<R> create) {
    Access.requireContentRole(caller);
    Access.organisationOf(caller);
    List<RowError> errors = new ArrayList<>();
    List<Line> lines =
        CsvImport.read(csv, format.columns(), Set.copyOf(format.exportOnly()), errors);
    List<R> valid = new ArrayList<>();
    for (Line line : lines) {
      int before = errors.size();
      R request = reader.read(line, errors);
      CsvImport.validate(validator, request, line, errors, before);
      if (errors.size() == before) {
        for (FieldError e : check.apply(request)) {
          errors.add(new RowError(line.number(), e.field(), e.message()));
        }
      }
      if (errors.size() == before) {
        valid.add(request);
      }
    }
    // rows refused as a whole (a wrong number of cells) are not among the lines read
    int rows = lines.size() + (int) errors.stream().filter(e -> e.field().equals("row")).count();
    if (dryRun) {
      return new ImportReport(true, rows, valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(create);
    return new ImportReport(false, rows, valid.size(), valid.size(), List.of());
  }
}
