package org.amicus.search.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds where persons are named in a text: every name word of every considered person, whole, in
 * any letter case, with English, Russian and Kazakh endings, in Cyrillic or any Latin spelling
 * {@link NameFolding} produces. Adjacent name words of one person become one span; a word that
 * begins like a protected name but goes on with letters that are no ending is undecidable.
 *
 * <p>Two ways a word meets a name word: its folded spelling equals one of the name word's spellings
 * (any letter case), or, for a word written with a capital, its sound key equals the name word's
 * (so {@code Jakishev} meets a name recorded as {@code Dzhakishev}). Sound keys collapse double
 * letters, and lower-case {@code asset} must not become the given name {@code Aset}.
 *
 * <p>Immutable once built; one instance per request.
 */
public final class NameMatcher {

  /** A name word shorter than this counts only next to another word of the same person's name. */
  static final int ALONE = 3;

  /** A word that begins with a name word at least this long, followed by no ending, is unclear. */
  static final int PROTECTED = 4;

  /** In Latin text an ending counts only after a name word this long: Sam+e is "same". */
  static final int LATIN_STEM = 4;

  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

  /** Separators that still join two words of one name: spaces, a hyphen, "Surname, Given". */
  private static final Pattern JOINS = Pattern.compile("[\\s\\u00A0]*[-‐‑,]?[\\s\\u00A0]*");

  private final Keys whole = new Keys();
  private final Keys stems = new Keys();
  private final Keys short_ = new Keys();
  private final Keys protectedWords = new Keys();
  private final Set<String> protectedStarts = new HashSet<>();

  private NameMatcher(Collection<Person> persons) {
    for (Person person : persons) {
      for (String form : person.forms()) {
        for (String spelling : NameFolding.spellings(form)) {
          for (String word : spelling.split(" ")) {
            add(person.id(), word);
          }
        }
      }
    }
  }

  /** A matcher for {@code persons}, each with its name forms (as recorded, or already folded). */
  public static NameMatcher of(Collection<Person> persons) {
    return new NameMatcher(persons);
  }

  private void add(long id, String word) {
    if (word.isEmpty()) {
      return;
    }
    String sound = NameFolding.soundKey(word);
    if (word.length() < ALONE) {
      short_.add(word, sound, id);
      return;
    }
    whole.add(word, sound, id);
    String stem = withoutFinalVowels(word);
    if (stem.length() >= ALONE && stem.length() < word.length()) {
      // Жазира -> Жазиры, Kozlovskaya -> Kozlovskoy: the ending replaces the final vowels
      stems.add(stem, NameFolding.soundKey(stem), id);
    }
    if (word.length() >= PROTECTED) {
      protectedWords.add(word, sound, id);
      protectedStarts.add(start(sound));
    }
  }

  /** Every span and every undecidable place in {@code texts}, in the order of the texts. */
  public Result match(List<Text> texts) {
    Map<String, Word> seen = new HashMap<>();
    List<Span> spans = new ArrayList<>();
    List<Place> undecidable = new ArrayList<>();
    for (Text text : texts) {
      String s = text.text() == null ? "" : text.text();
      Open open = null;
      for (Token token : tokens(s)) {
        Word word = seen.computeIfAbsent(token.text(), this::analyse);
        if (word.undecidable()) {
          undecidable.add(new Place(text.field(), token.start(), token.end()));
        }
        if (word.candidates().isEmpty()) {
          continue;
        }
        if (open != null
            && JOINS.matcher(s).region(open.end, token.start()).matches()
            && open.join(word, token.end())) {
          continue;
        }
        close(text.field(), open, spans);
        open = new Open(word, token.start(), token.end());
      }
      close(text.field(), open, spans);
    }
    return new Result(List.copyOf(spans), List.copyOf(undecidable));
  }

  private static void close(String field, Open open, List<Span> spans) {
    if (open == null) {
      return;
    }
    Set<Long> ids = open.ids;
    if (open.words == 1) {
      // one word alone names only those whose name word it matches by itself (3+ letters)
      ids = new TreeSet<>(ids);
      ids.removeIf(id -> !open.first.candidates().get(id));
    }
    if (!ids.isEmpty()) {
      spans.add(new Span(field, open.start, open.end, List.copyOf(ids)));
    }
  }

  /** Name words in a row: the persons all of them may name. */
  private static final class Open {
    final Word first;
    final int start;
    final Set<Long> ids;
    int end;
    int words = 1;

    Open(Word first, int start, int end) {
      this.first = first;
      this.start = start;
      this.end = end;
      this.ids = new TreeSet<>(first.candidates().keySet());
    }

    /** Joins the next word when it is a word of the same person's name. */
    boolean join(Word next, int nextEnd) {
      Set<Long> common = new TreeSet<>(ids);
      common.retainAll(next.candidates().keySet());
      if (common.isEmpty()) {
        return false;
      }
      ids.retainAll(common);
      end = nextEnd;
      words++;
      return true;
    }
  }

  /** The persons one word of a text may name, and whether it is undecidable. */
  Word analyse(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    boolean cyrillic = CYRILLIC.matcher(raw).find();
    boolean capital = Character.isUpperCase(raw.codePointAt(0));
    String base = lower;
    for (String possessive : NameEndings.POSSESSIVE) {
      if (lower.endsWith(possessive) && lower.length() > possessive.length()) {
        base = lower.substring(0, lower.length() - possessive.length());
        break;
      }
    }
    Set<String> spellings = NameFolding.spellings(base);
    Map<Long, Boolean> candidates = new LinkedHashMap<>();
    int minStem = cyrillic ? ALONE : LATIN_STEM;
    for (String spelling : spellings) {
      if (spelling.indexOf(' ') >= 0) {
        continue;
      }
      look(whole, spelling, capital, true, candidates);
      look(short_, spelling, capital, false, candidates);
      for (String ending : NameEndings.LATIN) {
        int cut = spelling.length() - ending.length();
        if (cut >= minStem && spelling.endsWith(ending)) {
          String stem = spelling.substring(0, cut);
          look(whole, stem, capital, true, candidates);
          look(stems, stem, capital, true, candidates);
        }
      }
    }
    boolean undecidable = candidates.isEmpty() && beginsWithName(spellings, capital);
    return new Word(candidates, undecidable);
  }

  private static void look(
      Keys keys, String spelling, boolean capital, boolean alone, Map<Long, Boolean> into) {
    for (long id : keys.find(spelling, capital)) {
      into.merge(id, alone, Boolean::logicalOr);
    }
  }

  /** "Bokayevshchina": a protected name word followed by letters that are not an ending. */
  private boolean beginsWithName(Set<String> spellings, boolean capital) {
    for (String spelling : spellings) {
      if (spelling.length() <= PROTECTED || spelling.indexOf(' ') >= 0) {
        continue;
      }
      boolean couldBe =
          protectedStarts.contains(start(NameFolding.soundKey(spelling)))
              || protectedStarts.contains(start(spelling));
      if (!couldBe) {
        continue;
      }
      for (int p = PROTECTED; p < spelling.length(); p++) {
        if (!protectedWords.find(spelling.substring(0, p), capital).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String start(String key) {
    return key.substring(0, Math.min(2, key.length()));
  }

  private static String withoutFinalVowels(String word) {
    int end = word.length();
    while (end > 0 && "aeiouy".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(0, end);
  }

  /** The words of a text: letters and marks, with apostrophes inside a word (Kozlovs'ka, Bo's). */
  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!letter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int end = i;
      while (i < n) {
        cp = text.codePointAt(i);
        if (letter(cp)) {
          i += Character.charCount(cp);
          end = i;
        } else if (apostrophe(cp) && i + 1 < n && letter(text.codePointAt(i + 1))) {
          i += Character.charCount(cp);
        } else {
          break;
        }
      }
      tokens.add(new Token(text.substring(start, end), start, end));
      i = Math.max(i, end);
    }
    return tokens;
  }

  private static boolean letter(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean apostrophe(int cp) {
    return cp == '\'' || cp == '’' || cp == 'ʼ' || cp == '`' || cp == '´';
  }

  /** Name words by spelling (any letter case) and by sound key (capitalised words only). */
  private static final class Keys {
    private final Map<String, Set<Long>> bySpelling = new HashMap<>();
    private final Map<String, Set<Long>> bySound = new HashMap<>();

    void add(String spelling, String sound, long id) {
      bySpelling.computeIfAbsent(spelling, k -> new LinkedHashSet<>()).add(id);
      bySound.computeIfAbsent(sound, k -> new LinkedHashSet<>()).add(id);
    }

    Set<Long> find(String spelling, boolean capital) {
      Set<Long> found = bySpelling.getOrDefault(spelling, Set.of());
      if (!capital) {
        return found;
      }
      Set<Long> sounds = bySound.getOrDefault(NameFolding.soundKey(spelling), Set.of());
      if (sounds.isEmpty()) {
        return found;
      }
      if (found.isEmpty()) {
        return sounds;
      }
      Set<Long> both = new LinkedHashSet<>(found);
      both.addAll(sounds);
      return both;
    }
  }

  /** A person the matcher considers, with every recorded form of the name. */
  public record Person(long id, List<String> forms) {}

  /** One text of a request, named by its field. */
  public record Text(String field, String text) {}

  /** A name in a text: [start, end) in UTF-16 chars, and every person it may be. */
  public record Span(String field, int start, int end, List<Long> personIds) {}

  /** A place that looks like a protected name but cannot be decided. */
  public record Place(String field, int start, int end) {}

  public record Result(List<Span> spans, List<Place> undecidable) {}

  record Token(String text, int start, int end) {}

  /**
   * @param candidates person id -> whether this word names them on its own (false: a short word
   *     that counts only next to another word of the same name)
   */
  record Word(Map<Long, Boolean> candidates, boolean undecidable) {}
}
