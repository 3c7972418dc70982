package org.amicus.cases.shared;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.platform.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A {@link RecordResource} whose records also travel as CSV: {@code GET <records>/export} writes
 * the filtered list (all pages, at most 10,000 rows) as UTF-8 CSV named {@code <name>.csv}; {@code
 * POST <records>/import} reads UTF-8 CSV with the header of an export (its export-only columns are
 * ignored): {@code dryRun=true} reports every bad cell by line and field without writing, otherwise
 * all rows are created, or none with 400.
 */
public abstract class CsvRecordResource<Q, V extends Versioned, F, S>
    extends RecordResource<Q, V, F, S> {

  private final CsvRecords<F> csv;

  protected CsvRecordResource(
      String path,
      String name,
      Records<Q, V, F, S> records,
      Map<String, String> sortable,
      CsvRecords<F> csv) {
    super(path, name, records, sortable);
    this.csv = csv;
  }

  @Operation(summary = "The records the caller may see, as CSV")
  @GetMapping("/export")
  public ResponseEntity<String> export(
      Caller caller, @ParameterObject F filter, @RequestParam(required = false) String sort) {
    return CsvImport.download(csv.export(caller, filter, sortOf(sort)), name() + ".csv");
  }

  @Operation(summary = "Import records from CSV; a dry run reports without writing")
  @PostMapping("/import")
  public ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body) {
    return csv.importCsv(caller, CsvImport.utf8(body), dryRun);
  }
}
