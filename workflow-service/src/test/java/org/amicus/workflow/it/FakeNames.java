package org.amicus.workflow.it;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.amicus.workflow.cases.CasesClient;
import org.amicus.workflow.names.NamesClient;

/**
 * search-service's name matcher as workflow-service sees it, in memory: search-service is another
 * service, not one of the real dependencies these tests run against (the seam itself is tested on
 * the real platform, {@code infra/e2e}'s NamesLeaveOnlyWithConsentTest). It finds only the recorded
 * spellings and their words of three letters or more, in any letter case: no folding, no endings.
 */
class FakeNames implements NamesClient {

  private final FakeCases cases;
  private final Set<String> undecidable = ConcurrentHashMap.newKeySet();
  private final Set<Long> readable = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  FakeNames(FakeCases cases) {
    this.cases = cases;
  }

  /**
   * A person the lead organisation can read though no linked case concerns them: matched too. Only
   * these and the linked cases' persons are, so tests that reuse a name do not see each other.
   */
  void readable(long personId) {
    readable.add(personId);
  }

  /** From now on, this word is answered as a place that cannot be decided. */
  void undecidable(String word) {
    undecidable.add(word.toLowerCase(Locale.ROOT));
  }

  /** search-service stops (true) or starts (false) answering. */
  void down(boolean down) {
    this.down = down;
  }

  @Override
  public Matches matches(String organisation, Collection<Long> personIds, List<Text> texts) {
    if (down) {
      throw new Unavailable("search-service is down in this test", null);
    }
    List<Form> forms = new ArrayList<>();
    for (Map.Entry<Long, CasesClient.Person> person : cases.persons().entrySet()) {
      if (!personIds.contains(person.getKey()) && !readable.contains(person.getKey())) {
        continue;
      }
      for (String name : person.getValue().names()) {
        forms.add(new Form(name.toLowerCase(Locale.ROOT), person.getKey()));
        for (String word : name.split("\\s+")) {
          if (word.length() >= 3) {
            forms.add(new Form(word.toLowerCase(Locale.ROOT), person.getKey()));
          }
        }
      }
    }
    forms.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed());
    List<Span> spans = new ArrayList<>();
    List<Place> places = new ArrayList<>();
    for (Text text : texts) {
      String lower = text.text().toLowerCase(Locale.ROOT);
      boolean[] taken = new boolean[lower.length()];
      for (Form form : forms) {
        for (int at = lower.indexOf(form.text());
            at >= 0;
            at = lower.indexOf(form.text(), at + 1)) {
          int end = at + form.text().length();
          if (!free(taken, at, end) || !wordAt(lower, at, end)) {
            continue;
          }
          List<Long> ids = new ArrayList<>();
          for (Form same : forms) {
            if (same.text().equals(form.text()) && !ids.contains(same.personId())) {
              ids.add(same.personId());
            }
          }
          spans.add(new Span(text.field(), at, end, ids));
          java.util.Arrays.fill(taken, at, end, true);
        }
      }
      for (String word : undecidable) {
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
          places.add(new Place(text.field(), at, at + word.length()));
        }
      }
    }
    return new Matches(spans, places);
  }

  private static boolean free(boolean[] taken, int from, int to) {
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordAt(String text, int from, int to) {
    return (from == 0 || !Character.isLetter(text.charAt(from - 1)))
        && (to == text.length() || !Character.isLetter(text.charAt(to)));
  }

  private record Form(String text, long personId) {}
}
