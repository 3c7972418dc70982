package org.amicus.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartialDateTest {

  @ParameterizedTest
  @CsvSource({"2019, 2019", "2019-06, 2019-06", "2019-06-09, 2019-06-09", "' 2018-03 ', 2018-03"})
  void aYearAMonthOrADayIsADate(String text, String shown) {
    assertThat(PartialDate.parse(text).toString()).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource({
    "2019-13, the month must be between 01 and 12",
    "2019-02-30, no such day in that month",
    "2018-02-29, no such day in that month",
    "1850, the year must be between 1900 and 2100",
    "2019-6, 'must be YYYY, YYYY-MM or YYYY-MM-DD'",
    "June 2019, 'must be YYYY, YYYY-MM or YYYY-MM-DD'",
    "'', 'must be YYYY, YYYY-MM or YYYY-MM-DD'"
  })
  void inconsistentDatesAreRefusedWithAReason(String text, String reason) {
    assertThatThrownBy(() -> PartialDate.parse(text)).hasMessage(reason);
  }

  @Test
  void aDayWithoutAMonthIsRefused() {
    assertThatThrownBy(() -> new PartialDate(2019, null, 9)).hasMessage("a day needs a month");
  }

  @Test
  void theLeapDayExistsInLeapYears() {
    assertThat(PartialDate.parse("2020-02-29").earliest()).isEqualTo(LocalDate.of(2020, 2, 29));
  }

  @Test
  void aPartialDateSortsByItsFirstPossibleDay() {
    assertThat(PartialDate.parse("2019")).isLessThan(PartialDate.parse("2019-06"));
    assertThat(PartialDate.parse("2019-06")).isLessThan(PartialDate.parse("2019-06-09"));
    assertThat(PartialDate.parse("2019-06").notAfter(LocalDate.of(2019, 6, 1))).isTrue();
    assertThat(PartialDate.parse("2019-07").notAfter(LocalDate.of(2019, 6, 30))).isFalse();
  }
}
