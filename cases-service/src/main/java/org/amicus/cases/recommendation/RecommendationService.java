package org.amicus.cases.recommendation;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.recommendation.RecommendationPayloads.AssessmentRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationFilter;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationView;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.Ids;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Records;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * UPR recommendations: public UN text, readable by every partner and coordinator; created, imported
 * and assessed by coordinators. Evidence links show only the cases a reader may open.
 */
@Service
public class RecommendationService
    implements Records<
        RecommendationRequest, RecommendationView, RecommendationFilter, RecommendationView> {

  static final String RECORD = "recommendation";

  private final Recommendations recommendations;
  private final CaseService cases;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Validator validator;
  private final Clock clock = Clock.systemUTC();

  RecommendationService(
      Recommendations recommendations,
      CaseService cases,
      Outbox outbox,
      AuditLog audit,
      Validator validator) {
    this.recommendations = recommendations;
    this.cases = cases;
    this.outbox = outbox;
    this.audit = audit;
    this.validator = validator;
  }

  @Override
  @Transactional
  public RecommendationView create(Caller caller, RecommendationRequest request) {
    return create(caller, request, false);
  }

  /** Also used by the demo loader, which marks what it creates. */
  @Transactional
  public RecommendationView create(Caller caller, RecommendationRequest request, boolean demo) {
    requireCoordinator(caller);
    if (recommendations
        .findByReportSymbolAndParagraph(request.reportSymbol().trim(), request.paragraph().trim())
        .isPresent()) {
      throw ApiProblem.invalid("paragraph", "this report already has a recommendation here");
    }
    Recommendation r = new Recommendation();
    r.demo = demo;
    r.createdAt = clock.instant();
    apply(r, request);
    recommendations.saveAndFlush(r);
    changed(caller, r, "create");
    return view(caller, r);
  }

  @Transactional(readOnly = true)
  public RecommendationView get(Caller caller, long id) {
    Access.requireContentRole(caller);
    return view(caller, find(id));
  }

  @Transactional(readOnly = true)
  public PageOf<RecommendationView> list(
      Caller caller, RecommendationFilter filter, Pageable page) {
    Access.requireContentRole(caller);
    return PageOf.of(recommendations.findAll(spec(filter), page), r -> view(caller, r));
  }

  @Transactional
  public RecommendationView update(
      Caller caller, long id, String ifMatch, RecommendationRequest request) {
    requireCoordinator(caller);
    Recommendation r = find(id);
    Etag.require(ifMatch, r.version);
    recommendations
        .findByReportSymbolAndParagraph(request.reportSymbol().trim(), request.paragraph().trim())
        .filter(other -> !other.id.equals(r.id))
        .ifPresent(
            other -> {
              throw ApiProblem.invalid(
                  "paragraph", "this report already has a recommendation here");
            });
    apply(r, request);
    recommendations.saveAndFlush(r);
    changed(caller, r, "update");
    return view(caller, r);
  }

  @Transactional
  public RecommendationView assess(
      Caller caller, long id, String ifMatch, AssessmentRequest request) {
    requireCoordinator(caller);
    Recommendation r = find(id);
    Etag.require(ifMatch, r.version);
    Set<Long> evidence = request.evidenceCaseIds() == null ? Set.of() : request.evidenceCaseIds();
    List<Long> readable = cases.readable(caller, evidence);
    List<FieldError> errors = new ArrayList<>();
    for (Long caseId : evidence) {
      if (!readable.contains(caseId)) {
        errors.add(
            new FieldError("evidenceCaseIds", "case " + caseId + " is not one you may read"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    r.implementation = request.implementation();
    r.assessmentNote = request.note();
    r.evidenceCaseIds.clear();
    r.evidenceCaseIds.addAll(evidence);
    r.updatedAt = clock.instant();
    recommendations.saveAndFlush(r);
    changed(caller, r, "assess");
    return view(caller, r);
  }

  @Transactional
  public void delete(Caller caller, long id, String ifMatch) {
    requireCoordinator(caller);
    Recommendation r = find(id);
    Etag.require(ifMatch, r.version);
    recommendations.delete(r);
    recommendations.flush();
    outbox.delete(RECORD, String.valueOf(id));
    audit.record(caller, "delete", RECORD, String.valueOf(id));
  }

  static void requireCoordinator(Caller caller) {
    if (!caller.has(Role.COORDINATOR)) {
      throw ApiProblem.forbidden("Recommendations are maintained by coalition coordinators");
    }
  }

  private Recommendation find(long id) {
    return recommendations
        .findById(id)
        .orElseThrow(() -> ApiProblem.notFound("Recommendation " + id));
  }

  private void apply(Recommendation r, RecommendationRequest request) {
    r.stateUnderReview = request.stateUnderReview();
    r.cycle = request.cycle();
    r.session = request.session();
    r.reportSymbol = request.reportSymbol().trim();
    r.paragraph = request.paragraph().trim();
    r.text = request.text().trim();
    r.response = request.response();
    r.recommendingStates.clear();
    r.recommendingStates.addAll(request.recommendingStates());
    r.themes.clear();
    if (request.themes() != null) {
      r.themes.addAll(request.themes());
    }
    r.updatedAt = clock.instant();
  }

  /**
   * Documents written before they carried {@code readers} are written again at start-up, so that
   * search, which refuses a document without readers, can rebuild from the snapshot.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void publishReadersOfOlderDocuments() {
    outbox.republishWithout(
        RECORD,
        "readers",
        id ->
            Ids.numeric(id)
                .flatMap(recommendations::findById)
                .map(RecommendationService::document));
  }

  private void changed(Caller caller, Recommendation r, String action) {
    outbox.upsert(RECORD, String.valueOf(r.id), document(r));
    audit.record(caller, action, RECORD, String.valueOf(r.id));
  }

  /** UN text is public; the coalition's assessment is shared with the coalition. */
  private static RecommendationSearchDocument document(Recommendation r) {
    return new RecommendationSearchDocument(
        r.id,
        "COALITION",
        Access.coalitionReaders(),
        r.stateUnderReview,
        r.cycle,
        r.session,
        r.reportSymbol,
        r.paragraph,
        List.copyOf(r.recommendingStates),
        r.text,
        List.copyOf(r.themes),
        r.response == null ? null : r.response.name(),
        r.implementation == null ? null : r.implementation.name(),
        r.demo);
  }

  private RecommendationView view(Caller caller, Recommendation r) {
    return new RecommendationView(
        r.id,
        r.stateUnderReview,
        r.cycle,
        r.session,
        r.reportSymbol,
        r.paragraph,
        r.paragraph + " (" + String.join(", ", r.recommendingStates) + ")",
        List.copyOf(r.recommendingStates),
        r.text,
        List.copyOf(r.themes),
        r.response,
        r.implementation,
        r.assessmentNote,
        cases.readable(caller, r.evidenceCaseIds),
        r.demo,
        r.createdAt,
        r.updatedAt,
        r.version);
  }

  private static Specification<Recommendation> spec(RecommendationFilter f) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (f.stateUnderReview() != null) {
        where.add(
            cb.equal(root.get("stateUnderReview"), f.stateUnderReview().toUpperCase(Locale.ROOT)));
      }
      if (f.cycle() != null) {
        where.add(cb.equal(root.get("cycle"), f.cycle()));
      }
      if (f.response() != null) {
        where.add(cb.equal(root.get("response"), f.response()));
      }
      if (f.implementation() != null) {
        where.add(cb.equal(root.get("implementation"), f.implementation()));
      }
      if (f.q() != null && !f.q().isBlank()) {
        where.add(
            cb.like(cb.lower(root.get("text")), "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%"));
      }
      if (f.theme() != null) {
        where.add(member(root, query, cb, "themes", f.theme()));
      }
      if (f.recommendingState() != null) {
        where.add(member(root, query, cb, "recommendingStates", f.recommendingState()));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static Predicate member(
      jakarta.persistence.criteria.Root<Recommendation> root,
      jakarta.persistence.criteria.CriteriaQuery<?> query,
      jakarta.persistence.criteria.CriteriaBuilder cb,
      String collection,
      String value) {
    var sub = query.subquery(Long.class);
    var r = sub.from(Recommendation.class);
    Join<Recommendation, String> j = r.join(collection);
    sub.select(r.get("id"))
        .where(
            cb.equal(r.get("id"), root.get("id")),
            cb.equal(cb.lower(j), value.toLowerCase(Locale.ROOT)));
    return cb.exists(sub);
  }
}
