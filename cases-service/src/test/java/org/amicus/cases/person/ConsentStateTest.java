package org.amicus.cases.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amicus.cases.person.ConsentState.Decision;
import org.junit.jupiter.api.Test;

class ConsentStateTest {

  private static final LocalDate MARCH = LocalDate.of(2019, 3, 1);
  private static final LocalDate JUNE = LocalDate.of(2019, 6, 1);

  @Test
  void withoutAnyDecisionNobodyIsNamed() {
    assertThat(ConsentState.current(List.of()))
        .isEqualTo(Map.of(Channel.UN, false, Channel.EU, false, Channel.PUBLIC, false));
  }

  @Test
  void aWithdrawalAfterAGrantWins() {
    Map<Channel, Boolean> state =
        ConsentState.current(
            List.of(
                new Decision(Channel.UN, true, MARCH, 1),
                new Decision(Channel.PUBLIC, true, MARCH, 2),
                new Decision(Channel.PUBLIC, false, JUNE, 3)));

    assertThat(state)
        .containsEntry(Channel.UN, true)
        .containsEntry(Channel.PUBLIC, false)
        .containsEntry(Channel.EU, false);
  }

  @Test
  void theDecisionDateCountsNotWhenItWasTypedIn() {
    // A June consent recorded first, then a March withdrawal entered late: June still stands.
    Map<Channel, Boolean> state =
        ConsentState.current(
            List.of(
                new Decision(Channel.EU, true, JUNE, 1),
                new Decision(Channel.EU, false, MARCH, 2)));

    assertThat(state).containsEntry(Channel.EU, true);
  }

  @Test
  void onTheSameDayTheLaterRecordWins() {
    Map<Channel, Boolean> state =
        ConsentState.current(
            List.of(
                new Decision(Channel.UN, true, JUNE, 1), new Decision(Channel.UN, false, JUNE, 2)));

    assertThat(state).containsEntry(Channel.UN, false);
  }
}
