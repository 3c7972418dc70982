package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

@Entity
class UnDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long caseId;
  Long personId;

  @Enumerated(EnumType.STRING)
  UnBody body;

  String reference;
  LocalDate decidedOn;
  String finding;
  String requestedRemedy;

  @Enumerated(EnumType.STRING)
  Compliance compliance;
}
