package org.amicus.cases.shared;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {

  /** A parsed record and the line of the file it starts on (1-based). */
  public record Row(int line, List<String> cells) {}

  /** Characters that make a spreadsheet read a cell as a formula. */
  private static final String FORMULA_START = "=+-@\t\r";

  private Csv() {}

  /**
   * Writes rows as CSV: UTF-8 text with a byte-order mark (so spreadsheets read Cyrillic right),
   * CRLF line ends, cells quoted when needed. A cell a spreadsheet would run as a formula gets a
   * leading {@code '}, which {@link #unguard} removes again on import.
   */
  public static String write(List<List<String>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote =
        v.contains(",")
            || v.contains("\"")
            || v.contains("\n")
            || v.contains("\r")
            || !v.equals(v.strip());
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** Undoes the formula guard of {@link #write}. */
  public static String unguard(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int rowLine = 1;
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r') {
        continue;
      } else if (c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        addUnlessBlank(rows, rowLine, cells);
        cells = new ArrayList<>();
        line++;
        rowLine = line;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + rowLine + ": a quoted field is never closed");
    }
    cells.add(cell.toString());
    addUnlessBlank(rows, rowLine, cells);
    return rows;
  }

  private static void addUnlessBlank(List<Row> rows, int line, List<String> cells) {
    if (!(cells.size() == 1 && cells.get(0).isBlank())) {
      rows.add(new Row(line, List.copyOf(cells)));
    }
  }
}
