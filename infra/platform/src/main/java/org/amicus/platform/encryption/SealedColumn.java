package org.amicus.platform.encryption;

import java.util.List;

/**
 * A column whose values are sealed, with the key columns that find one row: what {@link
 * KeyRotation} checks and re-seals. A service declares each of its sealed columns as a bean.
 *
 * @param table the table
 * @param column the {@code bytea} column holding sealed values
 * @param key the row's primary key columns
 */
public record SealedColumn(String table, String column, List<String> key) {

  public SealedColumn {
    key = List.copyOf(key);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("A sealed column needs the key of its rows");
    }
  }

  public static SealedColumn of(String table, String column, String... key) {
    return new SealedColumn(table, column, List.of(key));
  }

  /** Authenticated with each value, so a value moved to another column does not open. */
  public String purpose() {
    return table + "." + column;
  }

  @Override
  public String toString() {
    return purpose();
  }
}
