package org.amicus.cases.recommendation;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
final class Csv {

  /** A parsed record and the line of the file it starts on (1-based). */
  record Row(int line, List<String> cells) {}

  private Csv() {}

  static List<Row> parse(String text) {
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
