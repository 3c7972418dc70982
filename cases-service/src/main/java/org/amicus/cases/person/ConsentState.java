package org.amicus.cases.person;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A person's current consent per channel: the latest decision (by date, then by when it was
 * recorded) wins; a channel without any decision counts as not consented.
 */
public final class ConsentState {

  private ConsentState() {}

  /** A decision as the rule needs it. */
  public record Decision(Channel channel, boolean granted, LocalDate decidedOn, long order) {}

  public static Map<Channel, Boolean> current(List<Decision> history) {
    Map<Channel, Boolean> state = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      state.put(
          channel,
          history.stream()
              .filter(d -> d.channel() == channel)
              .max(Comparator.comparing(Decision::decidedOn).thenComparing(Decision::order))
              .map(Decision::granted)
              .orElse(false));
    }
    return state;
  }
}
