package org.amicus.platform.encryption;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * For a service's Flyway Java migration (it needs the key, so it cannot be SQL): replaces a
 * plaintext column ({@code text}, {@code jsonb} or {@code bytea}) by a {@code bytea} column of the
 * same name holding each value sealed, keeping {@code not null}. One row at a time, as values may
 * be large; the migration's transaction makes it all or nothing.
 */
public final class SealExistingData {

  private SealExistingData() {}

  /** Answers how many values it sealed. */
  public static int seal(Connection db, Encryption encryption, SealedColumn c) throws SQLException {
    String sealed = c.column() + "_sealing";
    boolean notNull;
    boolean binary;
    try (PreparedStatement type =
        db.prepareStatement(
            "select is_nullable, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and column_name = ?")) {
      type.setString(1, c.table());
      type.setString(2, c.column());
      try (ResultSet rs = type.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No column " + c.purpose() + " to seal");
        }
        notNull = "NO".equals(rs.getString(1));
        binary = "bytea".equals(rs.getString(2));
      }
    }
    try (Statement s = db.createStatement()) {
      s.execute("alter table " + c.table() + " add column " + sealed + " bytea");
    }
    String keys = String.join(", ", c.key());
    String where = String.join(" and ", c.key().stream().map(k -> k + " = ?").toList());
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select "
                    + keys
                    + " from "
                    + c.table()
                    + " where "
                    + c.column()
                    + " is not null")) {
      while (rs.next()) {
        Object[] key = new Object[c.key().size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = rs.getObject(i + 1);
        }
        rows.add(key);
      }
    }
    String value = binary ? c.column() : c.column() + "::text";
    try (PreparedStatement read =
            db.prepareStatement("select " + value + " from " + c.table() + " where " + where);
        PreparedStatement write =
            db.prepareStatement("update " + c.table() + " set " + sealed + " = ? where " + where)) {
      for (Object[] key : rows) {
        for (int i = 0; i < key.length; i++) {
          read.setObject(i + 1, key[i]);
          write.setObject(i + 2, key[i]);
        }
        byte[] plain;
        try (ResultSet rs = read.executeQuery()) {
          rs.next();
          plain = binary ? rs.getBytes(1) : rs.getString(1).getBytes(StandardCharsets.UTF_8);
        }
        write.setBytes(1, encryption.seal(plain, c.purpose()));
        write.executeUpdate();
      }
    }
    try (Statement s = db.createStatement()) {
      s.execute("alter table " + c.table() + " drop column " + c.column());
      s.execute("alter table " + c.table() + " rename column " + sealed + " to " + c.column());
      if (notNull) {
        s.execute("alter table " + c.table() + " alter column " + c.column() + " set not null");
      }
    }
    return rows.size();
  }
}
