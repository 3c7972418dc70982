package org.amicus.search.names;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name as somebody wrote it (any script, any transliteration, any diacritics) into the keys
 * search-service indexes and queries with.
 *
 * <p>A bare Elasticsearch node has neither ICU nor asciifolding, so all of this happens here, at
 * index time and at query time alike, and the index stores only plain lower-case ASCII tokens:
 *
 * <ul>
 *   <li><b>spellings</b>: the name folded to lower-case ASCII; a Cyrillic name yields one spelling
 *       per transliteration system people actually use for Russian and Kazakh names (BGN/PCGN for
 *       Russian, Kazakh and Ukrainian, ISO 9, the passport (ICAO) style and the 2021 Kazakh Latin
 *       alphabet), so a query in any of them meets an indexed spelling exactly;
 *   <li><b>sound keys</b>: a coarse key per word that collapses what differs between those systems
 *       and between careless spellings ({@code dzh/zh/j}, {@code kh/h}, {@code y/i} before vowels,
 *       {@code -aya/-a}, double letters, {@code x/ks}), so {@code Jakishev} meets {@code Джакишев}.
 * </ul>
 *
 * Thread-safe: ICU transliterators are used under their own locks.
 */
public final class NameFolding {

  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9 ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Apostrophes and soft/hard signs belong inside a word: {@code Kozlovs'ka} is one word. */
  private static final Pattern INNER_MARKS = Pattern.compile("['’ʹʺ`´ʼ\"]");

  private static final Transliterator FOLD =
      Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower");

  /**
   * Letters whose diacritic carries sound (ISO 9, Kazakh Latin): spelled out before folding, so the
   * sound key of {@code Džakišev} equals that of {@code Dzhakishev}.
   */
  private static final Transliterator SPELL_OUT =
      Transliterator.createFromRules(
          "spell-out",
          """
          ŝ > shch; Ŝ > Shch;
          ž > zh; Ž > Zh; č > ch; Č > Ch; š > sh; Š > Sh; ç > ch; Ç > Ch; ş > sh; Ş > Sh;
          â > ya; Â > Ya; û > yu; Û > Yu; ë > yo; Ë > Yo; ə > a; Ə > A;
          """,
          Transliterator.FORWARD);

  /** Russian and Kazakh passports (ICAO 9303 since 2013, Kazakh letters as Kazakh passports). */
  private static final Transliterator PASSPORT =
      Transliterator.createFromRules(
          "passport",
          """
          :: Lower;
          а > a; б > b; в > v; г > g; д > d; е > e; ё > e; ж > zh; з > z; и > i; й > i; к > k;
          л > l; м > m; н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f; х > kh; ц > ts;
          ч > ch; ш > sh; щ > shch; ъ > ie; ы > y; ь > ; э > e; ю > iu; я > ia;
          ә > a; ғ > g; қ > k; ң > n; ө > o; ұ > u; ү > u; һ > h; і > i; ї > i; є > ie; ґ > g;
          """,
          Transliterator.FORWARD);

  /** The Kazakh Latin alphabet of 2021 (Ж as J, Қ as Q), common in Kazakh media and NGOs. */
  private static final Transliterator KAZAKH_LATIN =
      Transliterator.createFromRules(
          "kazakh-latin-2021",
          """
          :: Lower;
          дж > j;
          а > a; б > b; в > v; г > g; д > d; е > e; ё > io; ж > j; з > z; и > i; й > i; к > k;
          л > l; м > m; н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f; х > h; ц > ts;
          ч > ç; ш > ş; щ > şş; ъ > ; ы > y; ь > ; э > e; ю > iu; я > ia;
          ә > ä; ғ > ğ; қ > q; ң > ñ; ө > ö; ұ > ū; ү > ü; һ > h; і > i;
          """,
          Transliterator.FORWARD);

  /** The systems a Cyrillic name is spelled in; anything they leave over goes through Any-Latin. */
  private static final List<Transliterator> SYSTEMS =
      List.of(
          Transliterator.getInstance("Russian-Latin/BGN"),
          Transliterator.getInstance("Kazakh-Latin/BGN"),
          Transliterator.getInstance("Ukrainian-Latin/BGN"),
          Transliterator.getInstance("Cyrillic-Latin"), // ISO 9
          PASSPORT,
          KAZAKH_LATIN);

  private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin");

  private NameFolding() {}

  /** Every folded spelling of {@code name}: one for Latin input, one per system for Cyrillic. */
  public static Set<String> spellings(String name) {
    Set<String> spellings = new LinkedHashSet<>();
    for (String latin : latinForms(name)) {
      // both Semënova -> semenova and its spelled-out reading Semyonova -> semyonova
      for (String folded : List.of(fold(latin), fold(spellOut(latin)))) {
        if (!folded.isEmpty()) {
          spellings.add(folded);
        }
      }
    }
    return spellings;
  }

  /** The sound key of every spelling of {@code name}, word by word; usually just one. */
  public static Set<String> soundKeys(String name) {
    Set<String> keys = new LinkedHashSet<>();
    for (String latin : latinForms(name)) {
      String key = soundKeyOfFolded(fold(spellOut(latin)));
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * {@link #spellings} and {@link #soundKeys} of {@code name} at once, each transliteration done
   * once for both: what indexing a name needs.
   */
  public static Keys keys(String name) {
    Set<String> spellings = new LinkedHashSet<>();
    Set<String> sounds = new LinkedHashSet<>();
    for (String latin : latinForms(name)) {
      String folded = fold(latin);
      String spelledOut = fold(spellOut(latin));
      if (!folded.isEmpty()) {
        spellings.add(folded);
      }
      if (!spelledOut.isEmpty()) {
        spellings.add(spelledOut);
      }
      String key = soundKeyOfFolded(spelledOut);
      if (!key.isEmpty()) {
        sounds.add(key);
      }
    }
    return new Keys(spellings, sounds);
  }

  /** A name's folded spellings and its sound keys, as {@link #keys} answers them. */
  public record Keys(Set<String> spellings, Set<String> soundKeys) {}

  /** The sound keys of the words of a folded spelling, joined by spaces; empty when none. */
  private static String soundKeyOfFolded(String folded) {
    List<String> words = new ArrayList<>();
    for (String word : SPACES.split(folded)) {
      String key = soundKey(word);
      if (!key.isEmpty()) {
        words.add(key);
      }
    }
    return String.join(" ", words);
  }

  /** {@code name} in lower-case ASCII, words separated by single spaces. */
  public static String fold(String name) {
    String marked = INNER_MARKS.matcher(name).replaceAll("");
    // plain ASCII has no marks to drop and nothing to transliterate: only lower case is left, and
    // most spellings are plain ASCII, so they skip the costly transliteration
    String folded = ascii(marked) ? marked.toLowerCase(Locale.ROOT) : FOLD.transliterate(marked);
    folded = NOT_NAME.matcher(folded.replace('ə', 'a')).replaceAll(" ");
    return SPACES.matcher(folded).replaceAll(" ").trim();
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static List<String> latinForms(String name) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    if (!CYRILLIC.matcher(name).find()) {
      return List.of(name);
    }
    List<String> forms = new ArrayList<>(SYSTEMS.size());
    for (Transliterator system : SYSTEMS) {
      forms.add(ANY_LATIN.transliterate(system.transliterate(name)));
    }
    return forms;
  }

  private static String spellOut(String latin) {
    return SPELL_OUT.transliterate(latin);
  }

  /**
   * The coarse key of one folded word. The order matters: digraphs first (so {@code zh} is read
   * before {@code h} and {@code j} are), then the vowels around {@code i}, then double letters.
   */
  static String soundKey(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    // J marks the "dzh" sound however it was written: Dzhakishev, Jakishev, Zhumagulov, Djakishev.
    w = w.replace("shch", "s").replace("sch", "s").replace("tch", "c");
    w = w.replace("dzh", "J").replace("dj", "J").replace("zh", "J");
    // j before a vowel is that sound too (Jakishev, Kenjebek), unless a vowel precedes it (Maja);
    // any other j is the "y" sound: Sergej, Dostoevskij
    StringBuilder js = new StringBuilder(w);
    for (int i = 0; i < js.length(); i++) {
      if (js.charAt(i) == 'j') {
        boolean beforeVowel = i + 1 < js.length() && vowel(js.charAt(i + 1));
        boolean afterVowel = i > 0 && vowel(js.charAt(i - 1));
        js.setCharAt(i, beforeVowel && !afterVowel ? 'J' : 'i');
      }
    }
    w = js.toString();
    w = w.replace("ch", "c").replace("sh", "s").replace("kh", "h").replace("gh", "g");
    w = w.replace("ts", "c").replace("tz", "c").replace("ck", "k").replace("ph", "f");
    w = w.replace('q', 'k').replace('w', 'v').replace("x", "ks");
    w = w.replace('y', 'i');
    w = collapseIotation(w);
    w = collapseDoubles(w);
    return w.toLowerCase(Locale.ROOT);
  }

  /**
   * Drops the {@code i} that only marks iotation: at the start before a vowel (Yerimbetov,
   * Erimbetov) and between vowels (Bokayev, Bokaev; Kozlovskaya, Kozlovskaa, Kozlovska); reads
   * {@code io}/{@code ie} after a consonant as {@code e} (Semyonova, Semenova).
   */
  private static String collapseIotation(String w) {
    StringBuilder out = new StringBuilder(w.length());
    int n = w.length();
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      boolean next = i + 1 < n && vowel(w.charAt(i + 1));
      if (c == 'i' && next) {
        boolean atStart = i == 0;
        boolean afterVowel = i > 0 && vowel(w.charAt(i - 1));
        if (atStart || afterVowel) {
          continue;
        }
        char following = w.charAt(i + 1);
        if (following == 'o' || following == 'e') {
          out.append('e');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String collapseDoubles(String w) {
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
