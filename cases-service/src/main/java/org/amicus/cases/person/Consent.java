package org.amicus.cases.person;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One recorded decision of a person about being named on a channel; never changed afterwards. */
@Entity
@Table(name = "person_consent")
class Consent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long personId;

  @Enumerated(EnumType.STRING)
  Channel channel;

  boolean granted;
  LocalDate decidedOn;
  Instant recordedAt;
  String recordedBy;
}
