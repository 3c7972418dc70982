package org.amicus.search.names;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The endings a name takes in running text: English possessive and plural, Russian case endings
 * (surnames decline like adjectives, given names like nouns) and Kazakh case endings. They are cut
 * from a word's folded Latin spellings, so a Cyrillic ending counts through its transliterations:
 * {@code -тың} as BGN/PCGN {@code tyng}, passport {@code tyn}, Kazakh Latin {@code tyñ} folded to
 * {@code tyn}; {@code -ға} as {@code gha}, {@code ga}; {@code -қа} as {@code qa}, {@code ka}.
 */
final class NameEndings {

  /** Longest first, so a word is cut at the longest ending before the shorter ones. */
  static final List<String> LATIN =
      longestFirst(
          // English
          "s",
          // Russian (BGN/PCGN, passport)
          "a",
          "ya",
          "ia",
          "u",
          "yu",
          "iu",
          "y",
          "i",
          "e",
          "oy",
          "oi",
          "ey",
          "ei",
          "om",
          "em",
          "yom",
          "ym",
          "im",
          "ykh",
          "ikh",
          "yh",
          "ih",
          "ogo",
          "ego",
          "omu",
          "emu",
          "uyu",
          "uiu",
          "aya",
          "aia",
          "yaya",
          "am",
          "yam",
          "iam",
          "ami",
          "yami",
          "akh",
          "yakh",
          "ymi",
          "imi",
          // Kazakh (BGN/PCGN, passport, Kazakh Latin)
          "tyng",
          "ting",
          "dyng",
          "ding",
          "nyng",
          "ning",
          "tyn",
          "tin",
          "dyn",
          "din",
          "nyn",
          "nin",
          "gha",
          "ghe",
          "ga",
          "ge",
          "qa",
          "ka",
          "ke",
          "na",
          "ne",
          "dy",
          "di",
          "ty",
          "ti",
          "ny",
          "ni",
          "da",
          "de",
          "ta",
          "te",
          "dan",
          "den",
          "tan",
          "ten",
          "nan",
          "nen",
          "men",
          "ben",
          "pen");

  /** Apostrophe-s of the English possessive, in each apostrophe people type. */
  static final List<String> POSSESSIVE = List.of("'s", "’s", "ʼs", "`s", "´s");

  private NameEndings() {}

  private static List<String> longestFirst(String... endings) {
    return Stream.of(endings)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }
}
