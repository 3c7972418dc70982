package org.amicus.search.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.amicus.search.names.NameMatcher.Person;
import org.amicus.search.names.NameMatcher.Place;
import org.amicus.search.names.NameMatcher.Result;
import org.amicus.search.names.NameMatcher.Span;
import org.amicus.search.names.NameMatcher.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts people really write about the persons Amicus protects: a surname alone, in capitals,
 * declined in Russian or Kazakh, in the other script, with the given name after the surname. Every
 * assertion is on the span a caller would replace; the table in docs/search-names.md follows these.
 */
class NameMatcherTest {

  static final Person MUKHTAR =
      new Person(12, List.of("Джакишев Мухтар", "Mukhtar Dzhakishev", "Jakishev"));
  static final Person MAKS = new Person(14, List.of("Maks Bokayev"));
  static final Person ARMAN = new Person(15, List.of("Арман Бокаев"));
  static final Person ZHAZIRA = new Person(16, List.of("Жазира Демеуова"));
  static final Person LYUDMYLA = new Person(17, List.of("Lyudmyla Kozlovskaya"));
  static final Person ASET = new Person(18, List.of("Aset Li"));

  static final NameMatcher MATCHER =
      NameMatcher.of(List.of(MUKHTAR, MAKS, ARMAN, ZHAZIRA, LYUDMYLA, ASET));

  static Result match(String text) {
    return MATCHER.match(List.of(new Text("title", text)));
  }

  /** The one span in {@code text}, as the substring it covers and the persons it may be. */
  static String only(String text) {
    Result result = match(text);
    assertThat(result.spans()).as("spans").hasSize(1);
    Span span = result.spans().get(0);
    return text.substring(span.start(), span.end()) + " " + span.personIds();
  }

  static Stream<Arguments> oneSpan() {
    return Stream.of(
        // the surname alone, in any letter case
        Arguments.of("Mr Dzhakishev was arrested.", "Dzhakishev [12]"),
        Arguments.of("DZHAKISHEV WAS ARRESTED", "DZHAKISHEV [12]"),
        Arguments.of("the court heard dzhakishev", "dzhakishev [12]"),
        // every spelling NameFolding produces, and the other script
        Arguments.of("Jakishev's appeal", "Jakishev's [12]"),
        Arguments.of("Džakišev appealed", "Džakišev [12]"),
        Arguments.of("Djakishev appealed", "Djakishev [12]"),
        Arguments.of("Суд над Джакишевым", "Джакишевым [12]"),
        Arguments.of("Maks Bokayev spoke", "Maks Bokayev [14]"),
        Arguments.of("Макс Бокаев выступил", "Макс Бокаев [14]"),
        Arguments.of("Arman Bokaev spoke", "Arman Bokaev [15]"),
        // the full name in any order, and "Surname, Given"
        Arguments.of("Dzhakishev Mukhtar was sentenced", "Dzhakishev Mukhtar [12]"),
        Arguments.of("Mukhtar Dzhakishev was sentenced", "Mukhtar Dzhakishev [12]"),
        Arguments.of("Dzhakishev, Mukhtar (born 1963)", "Dzhakishev, Mukhtar [12]"),
        Arguments.of("МУХТАР ДЖАКИШЕВ", "МУХТАР ДЖАКИШЕВ [12]"),
        // English possessive with either apostrophe
        Arguments.of("Dzhakishev's lawyer", "Dzhakishev's [12]"),
        Arguments.of("Dzhakishev’s lawyer", "Dzhakishev’s [12]"),
        // Russian case endings, Cyrillic and Latin
        Arguments.of("адвокат Демеуовой", "Демеуовой [16]"),
        Arguments.of("письмо Жазиры", "Жазиры [16]"),
        Arguments.of("письмо Жазире", "Жазире [16]"),
        Arguments.of("with Zhazira", "Zhazira [16]"),
        Arguments.of("Lyudmyla Kozlovska", "Lyudmyla Kozlovska [17]"),
        Arguments.of("Людмилы Козловской", "Людмилы Козловской [17]"),
        Arguments.of("Kozlovskoy", "Kozlovskoy [17]"),
        // Kazakh case endings, Cyrillic and Latin
        Arguments.of("Джакишевтің ісі", "Джакишевтің [12]"),
        Arguments.of("Джакишевке хат", "Джакишевке [12]"),
        Arguments.of("Джакишевті қамады", "Джакишевті [12]"),
        Arguments.of("Джакишевте", "Джакишевте [12]"),
        Arguments.of("Джакишевтен", "Джакишевтен [12]"),
        Arguments.of("Джакишевпен", "Джакишевпен [12]"),
        Arguments.of("Жазираның", "Жазираның [16]"),
        Arguments.of("Жазираға", "Жазираға [16]"),
        Arguments.of("Жазирамен", "Жазирамен [16]"),
        Arguments.of("Dzhakishevting isi", "Dzhakishevting [12]"),
        Arguments.of("Jakişevtiñ isi", "Jakişevtiñ [12]"),
        Arguments.of("Dzhakishevke", "Dzhakishevke [12]"),
        Arguments.of("Dzhakishevpen", "Dzhakishevpen [12]"),
        // Асеттің in BGN/PCGN: a Kazakh genitive, not an English word
        Arguments.of("Asetting isi", "Asetting [18]"),
        // a short name word counts next to the rest of the name
        Arguments.of("Aset Li said", "Aset Li [18]"),
        Arguments.of("Li Aset said", "Li Aset [18]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneSpan")
  void findsTheNameAsPeopleWriteIt(String text, String expected) {
    assertThat(only(text)).isEqualTo(expected);
    assertThat(match(text).undecidable()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Бокаев",
        "Бокаева",
        "Бокаеву",
        "Бокаевым",
        "Бокаеве",
        "Бокаевой",
        "Bokayev",
        "Bokayeva",
        "Bokayevu",
        "Bokayevym",
        "Bokaev",
        "BOKAYEV",
        "Bokayev's",
        "Бокаевтың",
        "Бокаевқа",
        "Бокаевты",
        "Бокаевта",
        "Бокаевтан",
        "Бокаевпен",
        "Bokayevtyng",
        "Bokayevqa",
        "Bokayevka",
        "Bokayevty",
        "Bokayevta",
        "Bokayevtan",
        "Bokayevpen"
      })
  void twoBrothersShareTheirSurnameInOneSpan(String form) {
    String text = "Письмо: " + form + ".";

    assertThat(only(text)).isEqualTo(form + " [14, 15]");
  }

  @Test
  void theGivenNameNextToTheSharedSurnameSaysWhichBrother() {
    Result result = match("Maks Bokayev and Arman Bokayev, and Bokayev alone");

    assertThat(result.spans())
        .extracting(Span::start, Span::end, Span::personIds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 12, List.of(14L)),
            org.assertj.core.groups.Tuple.tuple(17, 30, List.of(15L)),
            org.assertj.core.groups.Tuple.tuple(36, 43, List.of(14L, 15L)));
  }

  @Test
  void offsetsCountUtf16CharsAfterEmojiAndOtherScripts() {
    String text = "👩‍⚖️ 𝒜 «Джакишев» 🇰🇿 Bokayev";

    Result result = match(text);

    assertThat(result.spans()).hasSize(2);
    Span first = result.spans().get(0);
    assertThat(text.substring(first.start(), first.end())).isEqualTo("Джакишев");
    assertThat(first.start()).isEqualTo(text.indexOf("Джакишев"));
    Span second = result.spans().get(1);
    assertThat(text.substring(second.start(), second.end())).isEqualTo("Bokayev");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The maximum sentence", // Maks
        "asset freezes and assets", // Aset, lower case: sound keys only for capitalised words
        "Maksimum", // begins like Maks: undecidable, never a span
        "Liability and Lima", // Li is too short to stand alone
        "Kozlov and Kozlova are other people",
        "Tokayev met Abishev",
        "Bokonbayev"
      })
  void ordinaryWordsAndOtherNamesAreNotSpans(String text) {
    assertThat(match(text).spans()).isEmpty();
  }

  @Test
  void aWordThatBeginsWithAProtectedNameButGoesOnIsUndecidable() {
    String text = "the so-called Bokayevshchina and Джакишевщина";

    Result result = match(text);

    assertThat(result.spans()).isEmpty();
    assertThat(result.undecidable())
        .extracting(p -> text.substring(p.start(), p.end()))
        .containsExactly("Bokayevshchina", "Джакишевщина");
  }

  @Test
  void aShortNameWordDoesNotMakeOrdinaryWordsUndecidable() {
    assertThat(match("Asset, Lima, Limassol").undecidable()).isEmpty();
  }

  @Test
  void spansNeverOverlapAndKeepTheirField() {
    MatcherFixture fixture = new MatcherFixture();
    Result result =
        MATCHER.match(
            List.of(
                new Text("title", "Dzhakishev and Bokayev"),
                new Text("sections[0].text", "Ничего"),
                new Text("sections[1].text", "Жазира Демеуова Бокаева")));

    assertThat(result.spans())
        .extracting(Span::field, Span::personIds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("title", List.of(12L)),
            org.assertj.core.groups.Tuple.tuple("title", List.of(14L, 15L)),
            org.assertj.core.groups.Tuple.tuple("sections[1].text", List.of(16L)),
            org.assertj.core.groups.Tuple.tuple("sections[1].text", List.of(14L, 15L)));
    fixture.assertNoOverlap(result);
  }

  @Test
  void aMatcherWithoutPersonsFindsNothing() {
    Result result = NameMatcher.of(List.of()).match(List.of(new Text("t", "Dzhakishev")));

    assertThat(result.spans()).isEmpty();
    assertThat(result.undecidable()).isEmpty();
  }

  @Test
  void foldedFormsAsStoredMatchLikeTheRecordedOnes() {
    NameMatcher folded =
        NameMatcher.of(
            List.of(
                new Person(
                    12,
                    MUKHTAR.forms().stream()
                        .flatMap(f -> NameFolding.spellings(f).stream())
                        .toList())));

    assertThat(folded.match(List.of(new Text("t", "Джакишевтің"))).spans()).hasSize(1);
    assertThat(folded.match(List.of(new Text("t", "Jakishev Mukhtar"))).spans())
        .extracting(Span::start, Span::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 16));
  }

  /** Asserts spans are ordered and disjoint within each field. */
  static final class MatcherFixture {
    void assertNoOverlap(Result result) {
      for (int i = 1; i < result.spans().size(); i++) {
        Span previous = result.spans().get(i - 1);
        Span span = result.spans().get(i);
        if (previous.field().equals(span.field())) {
          assertThat(span.start()).isGreaterThanOrEqualTo(previous.end());
        }
      }
      for (Place place : result.undecidable()) {
        for (Span span : result.spans()) {
          if (place.field().equals(span.field())) {
            assertThat(place.end() <= span.start() || place.start() >= span.end()).isTrue();
          }
        }
      }
    }
  }
}
