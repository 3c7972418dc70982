package org.amicus.search.names;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The endings a name takes in running text: English possessive and plural, Russian case endings
 * (surnames decline like adjectives, given names like nouns) and Kazakh case endings, each in
 * Cyrillic and in the Latin spellings {@link NameFolding} produces (BGN/PCGN {@code ng/gh},
 * passport {@code n/g}, Kazakh Latin {@code ñ/ğ/q} folded to {@code n/g/q}).
 */
final class NameEndings {

  /** Longest first, so a word is cut at the longest ending before the shorter ones. */
  static final List<String> CYRILLIC =
      longestFirst(
          // Russian
          "а",
          "я",
          "у",
          "ю",
          "ы",
          "и",
          "е",
          "ой",
          "ей",
          "ом",
          "ем",
          "ём",
          "ым",
          "им",
          "ых",
          "их",
          "ого",
          "его",
          "ому",
          "ему",
          "ую",
          "юю",
          "ая",
          "яя",
          "ам",
          "ям",
          "ами",
          "ями",
          "ах",
          "ях",
          "ыми",
          "ими",
          // Kazakh: genitive, dative, accusative, locative, ablative, instrumental
          "тың",
          "тің",
          "дың",
          "дің",
          "ның",
          "нің",
          "ға",
          "ге",
          "қа",
          "ке",
          "на",
          "не",
          "ды",
          "ді",
          "ты",
          "ті",
          "ны",
          "ні",
          "да",
          "де",
          "та",
          "те",
          "дан",
          "ден",
          "тан",
          "тен",
          "нан",
          "нен",
          "мен",
          "бен",
          "пен");

  /** Possessive and plural, then the Russian and Kazakh endings as they are transliterated. */
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

  static boolean isEnding(String rest, boolean cyrillic) {
    return (cyrillic ? CYRILLIC : LATIN).contains(rest);
  }

  private static List<String> longestFirst(String... endings) {
    return Stream.of(endings)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }
}
