package org.amicus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemMessagesTest {

  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Locale KK = Locale.forLanguageTag("kk");
  private final ProblemMessages messages = ProblemMessages.load();

  @Test
  void everyMessageHasItsRussianAndKazakhWordsWithTheSamePlaceholders() {
    assertThat(messages.gaps()).isEmpty();
  }

  @Test
  void aValidationProblemReadsInTheCallersLanguageWithItsFieldsAndTypeUnchanged() {
    ProblemDetail problem =
        ApiProblem.invalid(
                List.of(
                    new FieldError("label", "must not be blank"),
                    new FieldError("summary", "size must be between 0 and 4000")))
            .getBody();

    messages.localise(problem, KK);

    assertThat(problem.getType()).isEqualTo(ProblemTypes.VALIDATION);
    assertThat(problem.getTitle()).isEqualTo("Қате сұрау");
    assertThat(problem.getDetail()).isEqualTo("Сұрауда жарамсыз өрістер бар");
    assertThat(problem.getProperties().get("errors"))
        .isEqualTo(
            List.of(
                new FieldError("label", "бос болмауы керек"),
                new FieldError("summary", "өлшемі 0 мен 4000 аралығында болуы керек")));
  }

  @Test
  void englishAndUnknownTextsStayAsWritten() {
    assertThat(messages.translate("must not be blank", Locale.ENGLISH))
        .isEqualTo("must not be blank");
    assertThat(messages.translate("a text nobody catalogued", RU))
        .isEqualTo("a text nobody catalogued");
    assertThat(messages.translate("must be a valid Integer", RU))
        .isEqualTo("должно быть допустимым значением типа Integer");
  }
}
