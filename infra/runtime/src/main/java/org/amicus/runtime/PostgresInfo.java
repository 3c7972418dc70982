package org.amicus.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A running PostgreSQL server. Each service gets a database of its own. */
public record PostgresInfo(String host, int port, String user, String password) {

  /** From the component's state, as {@link Supervisors#ensure} returns it. */
  public PostgresInfo(Map<String, String> state) {
    this(
        state.get("host"),
        Integer.parseInt(state.get("port")),
        state.get("user"),
        state.get("password"));
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  /** Creates the database unless it exists, and returns its JDBC URL. */
  public String database(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Database names are lower-case identifiers: " + name);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + name);
          }
        }
      }
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another JVM of the build
        throw new IllegalStateException("Could not create database " + name, e);
      }
    }
    return jdbcUrl(name);
  }
}
