package org.amicus.cases.shared;

/**
 * A controller written once for several kinds of record (a generic one, such as {@link
 * RecordResource}) words each of its operations for the kind it serves, so the API reference reads
 * as if each were written by hand ({@link OperationWording} applies it).
 */
public interface OperationSummaries {

  /**
   * The summary of the handler method {@code method} in the API reference.
   *
   * @param declared the summary its {@code @Operation} declares
   */
  String summary(String method, String declared);

  /** The operation id of {@code method}; null keeps the one springdoc derives from its name. */
  default String operationId(String method) {
    return null;
  }
}
