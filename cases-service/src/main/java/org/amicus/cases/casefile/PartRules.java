package org.amicus.cases.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;

/**
 * The checks a part's values go through within its case. A part calls the checks that apply to it
 * and then {@link #refuseIfAny}, so that one refusal names every offending field.
 */
final class PartRules {

  private final CaseFile owner;
  private final LocalDate today;
  private final LegalArticles articles;
  private final List<FieldError> errors = new ArrayList<>();

  PartRules(CaseFile owner, LocalDate today, LegalArticles articles) {
    this.owner = owner;
    this.today = today;
    this.articles = articles;
  }

  /** A part may only concern a person the case concerns. */
  void person(Long personId) {
    if (personId != null && !owner.personIds.contains(personId)) {
      errors.add(new FieldError("personId", "must be one of the persons concerned by the case"));
    }
  }

  /** A charge names an article of its case country's vocabulary; null when there is none. */
  LegalArticle article(String code, String number) {
    String inCode = code == null || code.isBlank() ? "CC" : code;
    LegalArticle article =
        articles.findByCountryAndCodeAndNumber(owner.country, inCode, number.trim()).orElse(null);
    if (article == null) {
      errors.add(
          new FieldError(
              "article",
              "is not in the " + owner.country + " vocabulary; see /api/cases/articles"));
    }
    return article;
  }

  /** A date as precise as it is known, not in the future; null when it is refused. */
  PartialDate date(String text) {
    try {
      PartialDate date = PartialDate.parse(text);
      if (!date.notAfter(today)) {
        errors.add(new FieldError("date", "must not be in the future"));
      }
      return date;
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("date", e.getMessage()));
      return null;
    }
  }

  void refuse(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  void refuseIfAny() {
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }
}
