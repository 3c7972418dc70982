package org.amicus.cases.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static List<List<String>> cells(Csv.Table table) {
    return table.rows().stream().map(Csv.Row::cells).toList();
  }

  @Test
  void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirLine() {
    Csv.Table table = Csv.read("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,row\n");

    assertThat(table.malformed()).isEmpty();
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(1).cells()).containsExactly("x, \"y\"", "two\nlines");
    assertThat(table.rows().get(1).line()).isEqualTo(2);
    assertThat(table.rows().get(2).line()).isEqualTo(5);
  }

  /**
   * RFC 4180 has no place for a quote inside an unquoted cell, but what the writer meant is plain,
   * and spreadsheets read it so: the nickname in quotes is part of the name, exactly as written.
   */
  @Test
  void aQuoteInsideAnUnquotedCellIsPartOfTheValue() {
    Csv.Table table = Csv.read("originalName,pseudonym\nИван \"Ваня\" Петров,I.P.\n");

    assertThat(table.malformed()).isEmpty();
    assertThat(cells(table))
        .containsExactly(
            List.of("originalName", "pseudonym"), List.of("Иван \"Ваня\" Петров", "I.P."));
  }

  /** Whether the writer meant {@code Иван Петров} or {@code "Иван" Петров} cannot be known. */
  @Test
  void textAfterAClosingQuoteIsRefusedWithItsLineAndCell() {
    Csv.Table table = Csv.read("a,b,c\r\nok,fine,row\r\nx,\"Иван\" Петров,y\r\nnever,read,row\r\n");

    assertThat(cells(table)).containsExactly(List.of("a", "b", "c"), List.of("ok", "fine", "row"));
    assertThat(table.malformed())
        .hasValueSatisfying(
            m -> {
              assertThat(m.line()).isEqualTo(3);
              assertThat(m.cell()).isEqualTo(1);
              assertThat(m.reason()).contains("after the closing quote");
            });
  }

  @Test
  void anUnclosedQuoteIsRefusedWithTheLineAndCellItOpensIn() {
    Csv.Table table = Csv.read("a,b\nfirst,row\n\nx,\"open\nand on\n");

    assertThat(table.rows()).hasSize(2);
    assertThat(table.malformed())
        .hasValueSatisfying(
            m -> {
              assertThat(m.line()).isEqualTo(4);
              assertThat(m.cell()).isEqualTo(1);
              assertThat(m.reason()).contains("never closed");
            });
  }

  @Test
  void crlfEndsLinesAndALineBreakInsideQuotesStaysAsWritten() {
    Csv.Table table = Csv.read("a,b\r\nx,\"two\r\nlines\"\r\nlast,row\r\n");

    assertThat(table.malformed()).isEmpty();
    assertThat(table.rows()).extracting(Csv.Row::line).containsExactly(1, 2, 4);
    assertThat(table.rows().get(1).cells()).containsExactly("x", "two\r\nlines");
    assertThat(table.rows().get(2).cells()).containsExactly("last", "row");
  }

  @Test
  void writtenCellsComeBackUnchangedAndFormulasAreDefused() {
    List<String> cells =
        List.of(
            "Джакишев, М.",
            "Иван \"Ваня\" Петров",
            "=HYPERLINK(\"x\")",
            "+7 700",
            "-1",
            "@SUM(A1)",
            " pad ",
            "two\r\nlines",
            "");
    String csv = Csv.write(List.of(cells, List.of("Козловська", "", "")));

    assertThat(csv)
        .startsWith("\uFEFF")
        .contains("'=HYPERLINK", "'+7 700", "'@SUM")
        .endsWith("\r\n");
    assertThat(csv).contains("\"Иван \"\"Ваня\"\" Петров\"");
    Csv.Table table = Csv.read(csv);
    assertThat(table.malformed()).isEmpty();
    assertThat(table.rows().get(0).cells().stream().map(Csv::unguard).toList()).isEqualTo(cells);
    assertThat(table.rows().get(1).cells()).containsExactly("Козловська", "", "");
  }

  @Test
  void onlyTheGuardOfTheWriterIsTakenOff() {
    assertThat(Csv.unguard("'=1+2")).isEqualTo("=1+2");
    assertThat(Csv.unguard("=1+2")).isEqualTo("=1+2");
    assertThat(Csv.unguard("'quoted'")).isEqualTo("'quoted'");
    assertThat(Csv.unguard("'")).isEqualTo("'");
  }
}
