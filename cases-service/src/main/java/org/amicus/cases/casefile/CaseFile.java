package org.amicus.cases.casefile;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amicus.cases.shared.Visibility;

@Entity
@Table(name = "case_file")
class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String reference;
  String title;
  String summary;
  String country;
  int year;

  @Enumerated(EnumType.STRING)
  Status status;

  @Enumerated(EnumType.STRING)
  RiskLevel riskLevel;

  String ownerOrg;

  @Enumerated(EnumType.STRING)
  Visibility visibility;

  @ElementCollection
  @CollectionTable(name = "case_violation", joinColumns = @JoinColumn(name = "case_id"))
  @Column(name = "violation")
  @Enumerated(EnumType.STRING)
  Set<Violation> violations = EnumSet.noneOf(Violation.class);

  @ElementCollection
  @CollectionTable(name = "case_person", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  @Column(name = "person_id")
  List<Long> personIds = new ArrayList<>();

  boolean demo;
  Instant createdAt;
  Instant updatedAt;

  @Version long version;
}
