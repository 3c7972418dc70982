package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Charge {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long caseId;
  Long articleId;

  /** The person charged; null when the charge concerns every person of the case. */
  Long personId;

  Integer dateYear;
  Integer dateMonth;
  Integer dateDay;
  String note;
}
