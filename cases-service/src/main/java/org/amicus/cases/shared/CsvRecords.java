package org.amicus.cases.shared;

import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.platform.security.Caller;
import org.springframework.data.domain.Sort;

/**
 * A kind of record as CSV, both ways ({@link CsvTransfer}), for {@link CsvRecordResource}.
 *
 * @param <F> the filters of the list an export writes
 */
public interface CsvRecords<F> {

  /** The filtered list (at most {@link CsvTransfer#MAX_EXPORT} rows) as CSV. */
  String export(Caller caller, F filter, Sort sort);

  /** Imports the CSV text: a dry run reports, otherwise all rows are created or none. */
  ImportReport importCsv(Caller caller, String csv, boolean dryRun);
}
