package org.amicus.cases.figure;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.amicus.cases.shared.Visibility;

/** A figure someone outside the coalition's records counted, with its source. */
@Entity
class SourcedFigure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String ownerOrg;

  @Enumerated(EnumType.STRING)
  Visibility visibility;

  BigDecimal value;

  @Enumerated(EnumType.STRING)
  Qualifier qualifier;

  BigDecimal outOf;

  @Enumerated(EnumType.STRING)
  Unit unit;

  String label;
  String country;
  String legalArticle;
  String refersFrom;
  String refersTo;
  String countedBy;
  String sourceCitation;
  String sourceUrl;
  boolean demo;
  Instant createdAt;
  Instant updatedAt;

  @Version long version;
}
