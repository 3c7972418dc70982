package org.amicus.cases.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSV of one kind of record, both ways: an export of a filtered list, and an import that checks
 * every row first (with {@link CsvImport}), answers a dry run with the report, and otherwise
 * creates all rows or none. A subclass says what differs between kinds (the columns, how a record
 * is found and written, how a row reads, what creating it checks); the rest is here once.
 *
 * @param <F> the filters of the list an export writes
 * @param <E> the record an export reads
 * @param <R> the request a row states, the same a client would send to create one record
 */
public abstract class CsvTransfer<F, E, R> implements CsvRecords<F> {

  /** An export holds at most this many rows; a larger list must be filtered first. */
  public static final int MAX_EXPORT = 10_000;

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
  private final CsvTransfers shared;

  protected CsvTransfer(Format format, CsvTransfers shared) {
    this.format = format;
    this.shared = shared;
  }

  /** One page of the records the caller may read that match the filter. */
  protected abstract Page<E> find(Caller caller, F filter, Pageable page);

  /** The cells of one record, in the order of the export's header. */
  protected abstract List<String> row(Caller caller, E record);

  /** Reads one line into a request, adding what it refuses (by column) to {@code errors}. */
  protected abstract R read(Line line, List<RowError> errors);

  /** What creating the request would refuse beyond bean validation; nothing unless overridden. */
  protected List<FieldError> check(Caller caller, R request) {
    return List.of();
  }

  protected abstract void create(Caller caller, R request);

  /**
   * The header and one row a record of the filtered list, audited as an export; 400 naming {@code
   * filter} when the list is longer than an export holds.
   */
  @Override
  @Transactional
  public String export(Caller caller, F filter, Sort sort) {
    Access.requireContentRole(caller);
    Page<E> page = find(caller, filter, PageRequest.of(0, MAX_EXPORT, sort));
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
    shared.audit().record(caller, "export", format.record(), "*");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(format.exportOnly());
    header.addAll(format.columns());
    rows.add(header);
    page.forEach(record -> rows.add(row(caller, record)));
    return Csv.write(rows);
  }

  /**
   * Reads every row, checks it with bean validation and then with {@link #check}, and reports: a
   * dry run writes nothing; otherwise any refused row refuses the file with 400, or every row is
   * created. Only a caller who records content for an organisation imports.
   */
  @Override
  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    Access.requireContentRole(caller);
    Access.organisationOf(caller);
    List<RowError> errors = new ArrayList<>();
    List<Line> lines =
        CsvImport.read(csv, format.columns(), Set.copyOf(format.exportOnly()), errors);
    List<R> valid = new ArrayList<>();
    for (Line line : lines) {
      int before = errors.size();
      R request = read(line, errors);
      CsvImport.validate(shared.validator(), request, line, errors, before);
      if (errors.size() == before) {
        for (FieldError e : check(caller, request)) {
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
    valid.forEach(request -> create(caller, request));
    return new ImportReport(false, rows, valid.size(), valid.size(), List.of());
  }
}
