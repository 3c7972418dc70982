package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** A power of attorney a person gave an organisation. */
@Entity
class Representation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long caseId;
  Long personId;
  String organisation;
  LocalDate grantedOn;
  LocalDate revokedOn;
}
