package org.amicus.cases.recommendation;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
class Recommendation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String stateUnderReview;
  int cycle;
  Integer session;
  String reportSymbol;
  String paragraph;
  String text;

  @Enumerated(EnumType.STRING)
  Response response;

  @Enumerated(EnumType.STRING)
  Implementation implementation;

  String assessmentNote;

  @ElementCollection
  @CollectionTable(
      name = "recommendation_state",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @OrderColumn(name = "position")
  @Column(name = "state")
  List<String> recommendingStates = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "recommendation_theme",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @OrderColumn(name = "position")
  @Column(name = "theme")
  List<String> themes = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "recommendation_evidence",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @Column(name = "case_id")
  Set<Long> evidenceCaseIds = new LinkedHashSet<>();

  boolean demo;
  Instant createdAt;
  Instant updatedAt;

  @Version long version;
}
