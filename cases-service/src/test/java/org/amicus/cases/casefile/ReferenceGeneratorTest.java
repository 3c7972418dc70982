package org.amicus.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceGeneratorTest {

  @Test
  void aReferenceIsCountryYearAndAFourDigitNumber() {
    assertThat(ReferenceGenerator.format("KZ", 2019, 42)).isEqualTo("KZ-2019-0042");
    assertThat(ReferenceGenerator.format("UA", 2020, 12345)).isEqualTo("UA-2020-12345");
  }
}
