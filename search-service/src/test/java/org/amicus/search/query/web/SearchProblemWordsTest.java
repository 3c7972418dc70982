package org.amicus.search.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemMessages;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** A refused search explains itself in the caller's language, naming the same fields. */
class SearchProblemWordsTest {

  private final ProblemMessages messages = ProblemMessages.load();

  @Test
  void everyRefusalOfASearchHasItsRussianAndKazakhWords() {
    assertThat(messages.gaps()).isEmpty();
  }

  @Test
  void aRefusedSearchReadsInKazakhWithItsFieldsUnchanged() {
    ProblemDetail problem =
        ApiProblem.invalid(
                List.of(
                    new FieldError("size", "between 1 and 100"),
                    new FieldError(
                        "type", "one of case, person, recommendation, submission, figure")))
            .getBody();

    messages.localise(problem, Locale.forLanguageTag("kk"));

    assertThat(problem.getProperties().get("errors"))
        .isEqualTo(
            List.of(
                new FieldError("size", "1 мен 100 аралығында"),
                new FieldError(
                    "type", "мыналардың бірі: case, person, recommendation, submission, figure")));
  }
}
