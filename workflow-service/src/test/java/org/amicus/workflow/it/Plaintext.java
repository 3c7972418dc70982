package org.amicus.workflow.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a dump of the database would show: where a word stands in the clear. */
final class Plaintext {

  private Plaintext() {}

  /**
   * Every column of every table (workflow's, the change feed's, Camunda's) holding {@code word}, as
   * text or as UTF-8 bytes, as {@code table.column}.
   */
  static List<String> columnsHolding(JdbcTemplate jdbc, String word) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "select c.table_name, c.column_name, c.data_type from information_schema.columns c"
                + " join information_schema.tables t on t.table_schema = c.table_schema"
                + " and t.table_name = c.table_name and t.table_type = 'BASE TABLE'"
                + " where c.table_schema = current_schema()"
                + " and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'bytea')");
    for (Map<String, Object> c : columns) {
      String table = (String) c.get("table_name");
      String column = (String) c.get("column_name");
      String condition =
          "bytea".equals(c.get("data_type"))
              ? "position(convert_to(?, 'UTF8') in \"" + column + "\") > 0"
              : "strpos(\"" + column + "\"::text, ?) > 0";
      Long n =
          jdbc.queryForObject(
              "select count(*) from \"" + table + "\" where " + condition, Long.class, word);
      if (n != null && n > 0) {
        found.add(table + "." + column);
      }
    }
    return found;
  }
}
