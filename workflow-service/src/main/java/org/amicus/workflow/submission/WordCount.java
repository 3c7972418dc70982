package org.amicus.workflow.submission;

import java.util.stream.Stream;

/**
 * Counts words the way the word limits of the UPR are checked here: a word is a run of characters
 * between whitespace that contains at least one letter or digit (so "—" or "•" alone is no word,
 * "124.45" and "art. 174" are one and two words, a hyphenated "civil-society" is one). Counted over
 * every section heading and text and every proposed recommendation; the title, the cover and the
 * co-signers' descriptions are not part of the body OHCHR counts.
 */
public final class WordCount {

  private WordCount() {}

  public static int of(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    int words = 0;
    for (String token : text.strip().split("\\s+")) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words++;
      }
    }
    return words;
  }

  public static int of(SubmissionContent content) {
    return Stream.concat(
            content.sections().stream().flatMap(s -> Stream.of(s.heading(), s.text())),
            content.proposedRecommendations().stream())
        .mapToInt(WordCount::of)
        .sum();
  }
}
