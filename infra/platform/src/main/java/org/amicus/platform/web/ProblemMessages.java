package org.amicus.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;

/**
 * The words of every problem in English, Russian and Kazakh. Code writes a problem's title, detail
 * and field messages in English, as gettext does; they are translated once, when the problem is
 * answered, into the caller's {@code Accept-Language}. The catalogue is {@code
 * amicus/problem-messages[_ru|_kk].properties}: the platform's own and any a service adds under the
 * same name. A key's English text may hold {@code {0}}, {@code {1}}... for the parts that vary (a
 * number, a field, a nested message); those parts are kept, and translated too where the catalogue
 * knows them. A text the catalogue does not know stays in English.
 */
public final class ProblemMessages {

  /** The languages Amicus answers in; the first is the default. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("kk"));

  private static final String CATALOGUE = "amicus/problem-messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  private final Map<String, Properties> byLanguage;
  private final Map<String, String> exact = new LinkedHashMap<>();
  private final List<Template> templates = new ArrayList<>();

  private record Template(String key, Pattern english, List<Integer> order, int literal) {}

  private ProblemMessages(Map<String, Properties> byLanguage) {
    this.byLanguage = byLanguage;
    Properties english = byLanguage.get("en");
    for (String key : english.stringPropertyNames()) {
      String text = english.getProperty(key);
      if (PLACEHOLDER.matcher(text).find()) {
        templates.add(template(key, text));
      } else {
        exact.put(text, key);
      }
    }
    // The most specific wording first: "must be at most {0} characters" before "must be {0}".
    templates.sort(Comparator.comparingInt(Template::literal).reversed());
  }

  /** The catalogue on the class path: the platform's and every service's. */
  public static ProblemMessages load() {
    Map<String, Properties> byLanguage = new LinkedHashMap<>();
    for (Locale language : LANGUAGES) {
      String suffix = language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage();
      byLanguage.put(language.getLanguage(), read(CATALOGUE + suffix + ".properties"));
    }
    return new ProblemMessages(byLanguage);
  }

  /** The text in the given language, or the English text where the catalogue has no match. */
  public String translate(String english, Locale locale) {
    if (english == null) {
      return null;
    }
    Properties target = byLanguage.get(locale.getLanguage());
    if (target == null || locale.getLanguage().equals("en")) {
      return english;
    }
    String key = exact.get(english);
    if (key != null) {
      return target.getProperty(key, english);
    }
    for (Template t : templates) {
      Matcher m = t.english().matcher(english);
      if (m.matches() && target.containsKey(t.key())) {
        String text = target.getProperty(t.key());
        for (int group = 1; group <= m.groupCount(); group++) {
          String part = translate(m.group(group), locale);
          text = text.replace("{" + t.order().get(group - 1) + "}", part);
        }
        return text;
      }
    }
    return english;
  }

  /** Translates the title, the detail and the message of each field error it lists. */
  public void localise(ProblemDetail problem, Locale locale) {
    problem.setTitle(translate(problem.getTitle(), locale));
    problem.setDetail(translate(problem.getDetail(), locale));
    if (problem.getProperties() == null) {
      return;
    }
    for (Map.Entry<String, Object> property :
        new LinkedHashMap<>(problem.getProperties()).entrySet()) {
      if (property.getValue() instanceof List<?> list
          && list.stream().anyMatch(FieldError.class::isInstance)) {
        problem.setProperty(
            property.getKey(),
            list.stream()
                .map(
                    item ->
                        item instanceof FieldError e
                            ? new FieldError(e.field(), translate(e.message(), locale))
                            : item)
                .toList());
      }
    }
  }

  /** Per language, the keys the English catalogue has and that language lacks (or has extra). */
  public Map<String, Set<String>> gaps() {
    Set<String> english = byLanguage.get("en").stringPropertyNames();
    Map<String, Set<String>> gaps = new LinkedHashMap<>();
    byLanguage.forEach(
        (language, texts) -> {
          Set<String> differ = new TreeSet<>(english);
          differ.removeAll(texts.stringPropertyNames());
          Set<String> extra = new TreeSet<>(texts.stringPropertyNames());
          extra.removeAll(english);
          differ.addAll(extra);
          texts.forEach(
              (key, text) -> {
                String en = byLanguage.get("en").getProperty((String) key);
                if (en != null && !placeholders(en).equals(placeholders((String) text))) {
                  differ.add(key + " (placeholders differ)");
                }
              });
          if (!differ.isEmpty()) {
            gaps.put(language, differ);
          }
        });
    return gaps;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Template template(String key, String text) {
    StringBuilder regex = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    int literal = 0;
    while (m.find()) {
      regex.append(Pattern.quote(text.substring(last, m.start()))).append("(.+?)");
      literal += m.start() - last;
      order.add(Integer.parseInt(m.group(1)));
      last = m.end();
    }
    regex.append(Pattern.quote(text.substring(last)));
    literal += text.length() - last;
    return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order, literal);
  }

  private static Properties read(String name) {
    Properties all = new Properties();
    try {
      ClassLoader loader = ProblemMessages.class.getClassLoader();
      for (URL url : Collections.list(loader.getResources(name))) {
        try (InputStream in = url.openStream()) {
          all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the problem messages " + name, e);
    }
    return all;
  }
}
