package org.amicus.cases.encryption;

/**
 * Every column holding sealed values, with the purpose each value is sealed for; key rotation
 * re-seals exactly these.
 */
public enum SealedColumn {
  PERSON_CONTACT("person", "id", "contact_sealed"),
  DOCUMENT_CONTENT("case_document_content", "document_id", "content");

  final String table;
  final String idColumn;
  final String column;

  SealedColumn(String table, String idColumn, String column) {
    this.table = table;
    this.idColumn = idColumn;
    this.column = column;
  }

  /** Authenticated with each value, so a value moved to another column does not open. */
  public String purpose() {
    return table + "." + column;
  }
}
