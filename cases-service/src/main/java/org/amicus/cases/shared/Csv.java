package org.amicus.cases.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as RFC 4180 describes it, read and written by Apache Commons CSV. A cell is read exactly as
 * written: a {@code "} inside an unquoted cell ({@code Иван "Ваня" Петров}) is part of the value,
 * as in spreadsheets. What cannot be read without guessing (text after a closing quote, a quote
 * never closed) is reported with the line its record starts on and the cell, never repaired.
 */
public final class Csv {

  /** A parsed record and the line of the file it starts on (1-based). */
  public record Row(int line, List<String> cells) {}

  /**
   * Where the text stops being CSV.
   *
   * @param line the line the record starts on (1-based)
   * @param cell the cell, 0-based; -1 when it cannot be told
   * @param reason what is wrong and how to write it instead, in the user's terms
   */
  public record Malformed(int line, int cell, String reason) {}

  /**
   * What reading found: every row up to the first malformed record, and that record if any (the
   * rest of the file is not read: after a broken quote, no later line can be trusted).
   */
  public record Table(List<Row> rows, Optional<Malformed> malformed) {}

  /** Characters that make a spreadsheet read a cell as a formula. */
  private static final String FORMULA_START = "=+-@\t\r";

  private static final String BOM = "\uFEFF";

  /** RFC 4180 as it is: comma, double quote, CRLF, empty lines kept (so line numbers hold). */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** Only to locate a malformed record's cells, never to read a value. */
  private static final CSVFormat LENIENT =
      FORMAT.builder().setTrailingData(true).setLenientEof(true).get();

  /** Commons CSV names the offending character's position in its message, and only there. */
  private static final Pattern POSITION = Pattern.compile("position: ([\\d,]+)");

  private Csv() {}

  /**
   * Writes rows as CSV: UTF-8 text with a byte-order mark (so spreadsheets read Cyrillic right),
   * CRLF line ends, cells quoted when needed. A cell a spreadsheet would run as a formula gets a
   * leading {@code '}, which {@link #unguard} removes again on import.
   */
  public static String write(List<List<String>> rows) {
    StringWriter out = new StringWriter().append(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(Csv::guard).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out.toString();
  }

  private static String guard(String value) {
    return value != null && !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0
        ? "'" + value
        : value;
  }

  /** Undoes the formula guard of {@link #write}. */
  public static String unguard(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  /** Reads CSV text (a leading byte-order mark is dropped); blank lines are skipped. */
  public static Table read(String text) {
    String s = text.startsWith(BOM) ? text.substring(1) : text;
    Lines lines = new Lines(s);
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(s, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      int index = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          return new Table(
              List.copyOf(rows), Optional.of(malformed(s, lines, index, e.getCause())));
        }
        index++;
        List<String> cells = record.toList();
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
          rows.add(new Row(lines.at(record.getCharacterPosition()), List.copyOf(cells)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a string does not fail to read", e);
    }
    return new Table(List.copyOf(rows), Optional.empty());
  }

  /**
   * Locates the record Commons CSV refused: its start from a lenient reading (which agrees with the
   * strict one up to the error), its cell from the cells before the offending character.
   */
  private static Malformed malformed(String s, Lines lines, int index, IOException error) {
    List<CSVRecord> lenient = lenient(s);
    long start = index < lenient.size() ? lenient.get(index).getCharacterPosition() : 0;
    int line = lines.at(start);
    Matcher position = POSITION.matcher(String.valueOf(error.getMessage()));
    boolean unclosed = String.valueOf(error.getMessage()).contains("EOF reached");
    long end = position.find() ? Long.parseLong(position.group(1).replace(",", "")) : -1;
    if (unclosed) {
      end = s.length();
    }
    if (end < start) {
      return new Malformed(line, -1, "is not CSV: " + error.getMessage());
    }
    List<CSVRecord> upTo = lenient(s.substring((int) start, (int) Math.min(end, s.length())));
    int cell = upTo.isEmpty() ? -1 : upTo.get(0).size() - 1;
    return new Malformed(
        line,
        cell,
        unclosed
            ? "a quoted value is never closed: end it with \" (write a quote inside it as \"\")"
            : "has text after the closing quote: put the whole value in quotes and write each"
                + " quote inside it as \"\"");
  }

  private static List<CSVRecord> lenient(String s) {
    try (CSVParser parser = CSVParser.parse(s, LENIENT)) {
      return parser.getRecords();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /** Line numbers of character positions; a line ends with CRLF, LF or CR, as in Commons CSV. */
  private static final class Lines {

    private final List<Integer> starts = new ArrayList<>();

    Lines(String s) {
      starts.add(0);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
    }

    /** The 1-based line holding {@code position}. */
    int at(long position) {
      int low = 0;
      int high = starts.size() - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (starts.get(mid) <= position) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low + 1;
    }
  }
}
