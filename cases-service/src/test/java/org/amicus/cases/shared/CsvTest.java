package org.amicus.cases.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirLine() {
    List<Csv.Row> rows = Csv.parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,row\n");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).cells()).containsExactly("x, \"y\"", "two\nlines");
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(2).line()).isEqualTo(5);
  }

  @Test
  void anUnclosedQuoteIsReportedWithItsLine() {
    assertThatThrownBy(() -> Csv.parse("a,b\n\"open,x\n"))
        .hasMessage("line 2: a quoted field is never closed");
  }

  @Test
  void writtenCellsComeBackUnchangedAndFormulasAreDefused() {
    List<String> cells =
        List.of("Джакишев, М.", "say \"no\"", "=HYPERLINK(\"x\")", "+7 700", " pad ");
    String csv = Csv.write(List.of(cells));

    assertThat(csv).startsWith("\uFEFF").contains("'=HYPERLINK").endsWith("\r\n");
    assertThat(Csv.parse(csv).get(0).cells().stream().map(Csv::unguard).toList()).isEqualTo(cells);
  }
}
