package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Comparator;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseParts.EventView;

/** A procedural event (arrest, hearing, sentence...); without a person, it concerns all. */
@Entity
class CaseEvent extends CasePart<EventRequest, EventView> {

  private static final Comparator<CaseEvent> CHRONOLOGY =
      Comparator.comparing(CaseEvent::date).thenComparing(e -> e.id);

  @Enumerated(EnumType.STRING)
  EventType type;

  int dateYear;
  Integer dateMonth;
  Integer dateDay;
  String place;
  String perpetrator;
  String source;

  @Enumerated(EnumType.STRING)
  Reliability reliability;

  Integer termMonths;
  String description;

  PartialDate date() {
    return new PartialDate(dateYear, dateMonth, dateDay);
  }

  @Override
  void apply(EventRequest request, PartRules rules) {
    rules.person(request.personId());
    PartialDate date = rules.date(request.date());
    rules.refuseIfAny();
    type = request.type();
    personId = request.personId();
    dateYear = date.year();
    dateMonth = date.month();
    dateDay = date.day();
    place = request.place();
    perpetrator = request.perpetrator();
    source = request.source();
    reliability = request.reliability();
    termMonths = request.termMonths();
    description = request.description();
  }

  @Override
  EventView view(LocalDate today) {
    return new EventView(
        id,
        type,
        date().toString(),
        personId,
        place,
        perpetrator,
        source,
        reliability,
        termMonths,
        description);
  }

  /** Events read as a chronology, whatever order they were recorded in. */
  @Override
  public int compareTo(CasePart<EventRequest, EventView> other) {
    return CHRONOLOGY.compare(this, (CaseEvent) other);
  }
}
