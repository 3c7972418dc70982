package org.amicus.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.amicus.e2e.Platform;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;

/**
 * What a user trips over in the web UI, in headless Chromium through the gateway: the interface in
 * Kazakh and back, each language's plural forms in a count label, the language remembered per user,
 * the search suggestions closing on Enter, Escape and a click elsewhere with one entry per person,
 * the article facet citing articles with their titles on hover next to the sourced figures as a
 * kind of record, and the submission editor's sticky word counter leaving the first section's label
 * in sight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserLanguagesAndSearchTest {

  private static final Duration EVENTUALLY = Duration.ofSeconds(90);
  private static final String SECTION_TEXT = "[data-field='sections[0].text']";
  private static final String SECTION_WORDS = "#sections .section-row .section-words";

  private Platform platform;
  private Chrome chrome;

  @BeforeAll
  void startBrowser() {
    chrome = Chrome.onThePlatform();
    platform = Platform.get();
    chrome.signInAs("anna");
  }

  @AfterAll
  void stopBrowser() {
    if (chrome != null) {
      chrome.close();
    }
  }

  /** Types `words` as the first section's text of a new submission and reads its count label. */
  private void sectionOfWordsReads(int words, String label) {
    chrome.type(SECTION_TEXT, String.join(" ", Collections.nCopies(words, "word")));
    chrome.waitForText(SECTION_WORDS, label);
    assertThat(chrome.text(SECTION_WORDS)).isEqualTo(label);
  }

  /** Until the index has caught up with the change feed, which search follows. */
  private static void eventually(ThrowingRunnable check) {
    await()
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(check);
  }

  private void switchTo(String language, String casesInNav) {
    chrome.choose("#lang", language);
    chrome.waitForText("#nav", casesInNav);
  }

  @Test
  @Order(1)
  void countLabelsTakeTheEnglishPluralForms() {
    chrome.open("/submissions/new");
    sectionOfWordsReads(1, "1 word");
    sectionOfWordsReads(2, "2 words");
    sectionOfWordsReads(5, "5 words");
  }

  @Test
  @Order(2)
  void countLabelsTakeTheRussianPluralForms() {
    switchTo("ru", "Дела");
    chrome.open("/submissions/new");
    sectionOfWordsReads(1, "1 слово");
    sectionOfWordsReads(2, "2 слова");
    sectionOfWordsReads(5, "5 слов");
    sectionOfWordsReads(21, "21 слово");
    chrome.screenshot("20-plurals-ru");
  }

  @Test
  @Order(3)
  void theInterfaceSwitchesToKazakhWithItsPluralForms() {
    switchTo("kk", "Істер");
    chrome.open("/");
    assertThat(chrome.text("#view h1")).isEqualTo("Шолу");
    assertThat(chrome.text("#nav")).contains("Ұсынымдар").contains("Өтінімдер").contains("Іздеу");
    assertThat(chrome.find("html").getAttribute("lang")).isEqualTo("kk");
    chrome.screenshot("21-dashboard-kk");

    chrome.open("/submissions/new");
    sectionOfWordsReads(1, "1 сөз");
    sectionOfWordsReads(2, "2 сөз");
    sectionOfWordsReads(5, "5 сөз");
  }

  @Test
  @Order(4)
  void theChoiceOfLanguageIsRememberedPerUserAndSwitchesBack() {
    chrome.signOut();
    chrome.signInAs("clara");
    assertThat(chrome.text("#nav"))
        .as("another user keeps the browser's language")
        .contains("Cases");
    chrome.signOut();

    chrome.signInAs("anna");
    assertThat(chrome.text("#nav")).as("anna's choice is kept").contains("Істер");
    switchTo("en", "Cases");
    assertThat(chrome.text("#view h1")).isEqualTo("Dashboard");
  }

  @Test
  @Order(5)
  void searchSuggestionsShowAPersonOnceAndCloseOnEnterEscapeAndAClickOutside() {
    String surname = "Tulegenov";
    long person =
        platform
            .api("anna")
            .post(
                "/api/persons",
                Map.of(
                    "originalName", "Бауыржан " + surname,
                    "spellings", List.of("Bauyrzhan " + surname, "Baurzhan " + surname, surname),
                    "pseudonym", "Defender T.",
                    "occupation", "HUMAN_RIGHTS_DEFENDER",
                    "visibility", "COALITION"))
            .json()
            .path("id")
            .asLong();
    String entry = "#suggestions li[data-record='person:" + person + "']";
    String prefix = surname.substring(0, 6);

    chrome.open("/search");
    // The person reaches the index through the change feed; type again until she is suggested.
    eventually(
        () -> {
          chrome.type("#search-q", prefix);
          chrome.patiently(Duration.ofSeconds(3)).until(driver -> chrome.shows(entry));
        });
    assertThat(chrome.all(entry)).as("one entry for the person, not one per spelling").hasSize(1);
    assertThat(chrome.text(entry)).contains(surname);
    List<Object> records =
        castList(
            chrome.script(
                "return [...document.querySelectorAll('#suggestions li')]"
                    + ".map(li => li.dataset.record)"));
    assertThat(records).doesNotHaveDuplicates();
    chrome.screenshot("22-suggestions");

    chrome.press("#search-q", Keys.ENTER);
    chrome.waitFor("#search-total[data-q='" + prefix + "']");
    staysClosed();

    chrome.press("#search-q", surname.substring(6, 7));
    chrome.patiently(Duration.ofSeconds(10)).until(driver -> chrome.shows("#suggestions"));
    chrome.press("#search-q", Keys.ESCAPE);
    staysClosed();
    assertThat(chrome.find("#search-q").getAttribute("value"))
        .as("Escape closes the list and keeps what was typed")
        .isEqualTo(surname.substring(0, 7));

    chrome.press("#search-q", surname.substring(7, 8));
    chrome.patiently(Duration.ofSeconds(10)).until(driver -> chrome.shows("#suggestions"));
    chrome.click("#view h1");
    staysClosed();
  }

  @Test
  @Order(6)
  void theArticleFacetCitesEachArticleWithItsTitleOnHoverAndFiguresAreAKind() {
    String article = "#facets [data-facet='article'] label[title]";
    // the demo's cases and figures reach the index through the change feed
    eventually(
        () -> {
          chrome.open("/search");
          // everything the caller may read, not the previous test's words
          chrome.type("#search-q", "");
          chrome.click("#search-go");
          chrome.waitFor("#search-total[data-q='']");
          chrome.patiently(Duration.ofSeconds(10)).until(driver -> chrome.shows(article));
          assertThat(chrome.text("#facets [data-facet='type']")).contains("Sourced figure");
        });
    assertThat(chrome.find(article).getText()).matches("Art\\. \\S+ \\S+ [A-Z]{2} \\d+");
    assertThat(chrome.find(article).getAttribute("title")).as("the article's title").isNotBlank();
    chrome.screenshot("24-facets");
  }

  @Test
  @Order(7)
  void theWordCounterLeavesTheFirstSectionsLabelInSight() {
    chrome.open("/submissions/new");
    chrome.type("[data-field='sections[0].heading']", "Freedom of peaceful assembly");
    // The page brought to the first section's text, as a link, an error or find-in-page does.
    @SuppressWarnings("unchecked")
    Map<String, Object> rects =
        (Map<String, Object>)
            chrome.script(
                "const text = document.querySelector(arguments[0]);"
                    + "text.scrollIntoView({block: 'start'});"
                    + "const label = document.querySelector(`label[for='${text.id}']`);"
                    + "const bar = document.getElementById('word-bar').getBoundingClientRect();"
                    + "const box = label.getBoundingClientRect();"
                    + "return {barTop: bar.top, barBottom: bar.bottom, labelTop: box.top,"
                    + " labelBottom: box.bottom, scrolled: window.scrollY};",
                SECTION_TEXT);
    chrome.screenshot("23-word-counter");
    double barBottom = ((Number) rects.get("barBottom")).doubleValue();
    double labelTop = ((Number) rects.get("labelTop")).doubleValue();
    assertThat(((Number) rects.get("scrolled")).doubleValue())
        .as("the page scrolled, so the counter is stuck to the top")
        .isPositive();
    assertThat(labelTop)
        .as("the label of the first section's text starts below the word counter")
        .isGreaterThanOrEqualTo(barBottom);
  }

  private void staysClosed() {
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !chrome.shows("#suggestions"));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object value) {
    return (List<Object>) value;
  }
}
