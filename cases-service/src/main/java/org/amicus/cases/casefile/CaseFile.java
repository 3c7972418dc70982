package org.amicus.cases.casefile;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.hibernate.annotations.BatchSize;

/**
 * A case and its parts (charges, events, UN decisions, representations): one aggregate. Its parts
 * are created, changed and removed only through it, and every such change moves the case to a new
 * version (its ETag), so a client that read the case before cannot overwrite it unseen.
 *
 * <p>Fields are readable within the package (views, the search document, CSV); only the aggregate
 * and its parts write them, which the architecture test checks. Collections load in batches, so a
 * page of cases costs one query per collection, not one per case.
 */
@Entity
@Table(name = "case_file")
class CaseFile {

  private static final int BATCH = 50;

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
  @BatchSize(size = BATCH)
  Set<Violation> violations = EnumSet.noneOf(Violation.class);

  @ElementCollection
  @CollectionTable(name = "case_person", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  @Column(name = "person_id")
  @BatchSize(size = BATCH)
  List<Long> personIds = new ArrayList<>();

  @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
  @BatchSize(size = BATCH)
  Set<Charge> charges = new HashSet<>();

  @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
  @BatchSize(size = BATCH)
  Set<CaseEvent> events = new HashSet<>();

  @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
  @BatchSize(size = BATCH)
  Set<UnDecision> decisions = new HashSet<>();

  @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
  @BatchSize(size = BATCH)
  Set<Representation> representations = new HashSet<>();

  boolean demo;
  Instant createdAt;
  Instant updatedAt;

  @Version long version;

  protected CaseFile() {}

  /** A new case of {@code ownerOrg}, its reference fixed for good (country and year with it). */
  CaseFile(
      String ownerOrg, boolean demo, String reference, int year, CaseRequest request, Instant now) {
    this.ownerOrg = ownerOrg;
    this.demo = demo;
    this.country = request.country();
    this.year = year;
    this.reference = reference;
    this.createdAt = now;
    revise(request, now);
  }

  /** Takes what a PUT states; the country and year stay those of the reference. */
  void revise(CaseRequest request, Instant now) {
    title = request.title().trim();
    summary = request.summary();
    status = request.status();
    riskLevel = request.riskLevel();
    visibility = request.visibility();
    violations.clear();
    if (request.violations() != null) {
      violations.addAll(request.violations());
    }
    personIds.clear();
    if (request.personIds() != null) {
      request.personIds().stream().distinct().forEach(personIds::add);
    }
    touch(now);
  }

  /** The case as a PUT would state it, for a merge patch to change. */
  CaseRequest asRequest() {
    return new CaseRequest(
        title,
        summary,
        country,
        year,
        List.copyOf(personIds),
        violationSet(),
        status,
        riskLevel,
        visibility);
  }

  /** A person stays with the case while a part refers to them. */
  List<FieldError> personsStillReferred(List<Long> kept) {
    List<FieldError> errors = new ArrayList<>();
    for (Long removed : personIds) {
      if (!kept.contains(removed) && parts().anyMatch(part -> part.concerns(removed))) {
        errors.add(
            new FieldError(
                "personIds",
                "must keep person " + removed + ": charges, events or decisions refer to them"));
      }
    }
    return errors;
  }

  <Q, V> void add(PartKind<Q, V> kind, Q request, LegalArticles vocabulary, Instant now) {
    CasePart<Q, V> part = kind.create();
    part.apply(request, rules(vocabulary, now));
    part.belongTo(this);
    kind.include(this, part);
    touch(now);
  }

  <Q, V> void replace(
      PartKind<Q, V> kind, long partId, Q request, LegalArticles vocabulary, Instant now) {
    part(kind, partId).apply(request, rules(vocabulary, now));
    touch(now);
  }

  void remove(PartKind<?, ?> kind, long partId, Instant now) {
    kind.in(this).remove(part(kind, partId));
    touch(now);
  }

  /** The parts of one kind as a reader sees them, in their order (events by date). */
  <V> List<V> views(PartKind<?, V> kind, LocalDate today) {
    return kind.in(this).stream().sorted().map(part -> part.view(today)).toList();
  }

  Set<Violation> violationSet() {
    return violations.isEmpty() ? Set.of() : EnumSet.copyOf(violations);
  }

  /** A part of another case answers 404 like a missing one. */
  private <Q, V> CasePart<Q, V> part(PartKind<Q, V> kind, long partId) {
    return kind.in(this).stream()
        .filter(part -> Long.valueOf(partId).equals(part.id))
        .findFirst()
        .orElseThrow(() -> ApiProblem.notFound(kind.name() + " " + partId));
  }

  private Stream<? extends CasePart<?, ?>> parts() {
    return Stream.<Set<? extends CasePart<?, ?>>>of(charges, events, decisions, representations)
        .flatMap(Set::stream);
  }

  private PartRules rules(LegalArticles vocabulary, Instant now) {
    return new PartRules(this, LocalDate.ofInstant(now, ZoneOffset.UTC), vocabulary);
  }

  private void touch(Instant now) {
    updatedAt = now;
  }
}
