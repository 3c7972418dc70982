package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long caseId;

  /** The person it happened to; null when it concerns every person of the case. */
  Long personId;

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
}
