package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.ChargeView;

/** A charge brought under an article of the case country's code; without a person, against all. */
@Entity
class Charge extends CasePart<ChargeRequest, ChargeView> {

  /** Loaded with the charges, which are never shown without their article. */
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "article_id")
  LegalArticle article;

  Integer dateYear;
  Integer dateMonth;
  Integer dateDay;
  String note;

  @Override
  void apply(ChargeRequest request, PartRules rules) {
    LegalArticle chosen = rules.article(request.code(), request.article());
    rules.person(request.personId());
    PartialDate date = request.date() == null ? null : rules.date(request.date());
    rules.refuseIfAny();
    article = chosen;
    personId = request.personId();
    dateYear = date == null ? null : date.year();
    dateMonth = date == null ? null : date.month();
    dateDay = date == null ? null : date.day();
    note = request.note();
  }

  @Override
  ChargeView view(LocalDate today) {
    String date =
        dateYear == null ? null : new PartialDate(dateYear, dateMonth, dateDay).toString();
    return new ChargeView(
        id, article.id, article.code, article.number, article.title, personId, date, note);
  }
}
