package org.amicus.cases.recommendation;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.recommendation.RecommendationPayloads.AssessmentRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationFilter;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationView;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Csv;
import org.amicus.cases.shared.CsvImport;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.Ids;
import org.amicus.cases.shared.PageOf;
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
public class RecommendationService {

  static final String RECORD = "recommendation";

  /** The CSV columns, in order; multi-valued cells separate values with ';'. */
  static final List<String> COLUMNS =
      List.of(
          "stateUnderReview",
          "cycle",
          "session",
          "reportSymbol",
          "paragraph",
          "recommendingStates",
          "text",
          "themes",
          "response");

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

  /**
   * Imports a cycle's recommendations from CSV: every row is checked first; with any bad row
   * nothing is written (a dry run reports the same without ever writing).
   */
  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    requireCoordinator(caller);
    List<RowError> errors = new ArrayList<>();
    List<RecommendationRequest> valid = new ArrayList<>();
    Csv.Table table = CsvImport.table(csv);
    List<Csv.Row> rows = table.rows();
    if (rows.isEmpty() || !header(rows.get(0)).equals(COLUMNS)) {
      throw ApiProblem.invalid(
          "csv", "the first line must be the header " + String.join(",", COLUMNS));
    }
    Set<String> seen = new HashSet<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      RecommendationRequest request = parse(row, errors);
      if (request == null) {
        continue;
      }
      String key = request.reportSymbol().trim() + " " + request.paragraph().trim();
      if (!seen.add(key)) {
        errors.add(new RowError(row.line(), "paragraph", "appears twice in this file"));
      } else if (recommendations
          .findByReportSymbolAndParagraph(request.reportSymbol().trim(), request.paragraph().trim())
          .isPresent()) {
        errors.add(new RowError(row.line(), "paragraph", "already imported for this report"));
      } else {
        valid.add(request);
      }
    }
    CsvImport.malformed(table, COLUMNS, errors);
    int dataRows = rows.size() - 1;
    if (dryRun) {
      return new ImportReport(true, dataRows, valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(request -> create(caller, request, false));
    return new ImportReport(false, dataRows, valid.size(), valid.size(), List.of());
  }

  private static List<String> header(Csv.Row row) {
    return row.cells().stream().map(String::trim).toList();
  }

  private RecommendationRequest parse(Csv.Row row, List<RowError> errors) {
    int before = errors.size();
    List<String> cells = row.cells();
    if (cells.size() != COLUMNS.size()) {
      errors.add(
          new RowError(
              row.line(), "row", "has " + cells.size() + " cells, expected " + COLUMNS.size()));
      return null;
    }
    Map<String, String> cell = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      String value = cells.get(i).trim();
      cell.put(COLUMNS.get(i), value.isEmpty() ? null : value);
    }
    Integer cycle = integer(row, "cycle", cell.get("cycle"), errors);
    Integer session = integer(row, "session", cell.get("session"), errors);
    Response response = null;
    if (cell.get("response") != null) {
      try {
        response = Response.valueOf(cell.get("response").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new RowError(row.line(), "response", "must be SUPPORTED or NOTED"));
      }
    }
    RecommendationRequest request =
        new RecommendationRequest(
            cell.get("stateUnderReview"),
            cycle,
            session,
            cell.get("reportSymbol"),
            cell.get("paragraph"),
            list(cell.get("recommendingStates")),
            cell.get("text"),
            list(cell.get("themes")),
            response);
    for (ConstraintViolation<RecommendationRequest> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString().replaceFirst("\\[.*$", "");
      errors.add(new RowError(row.line(), field, v.getMessage()));
    }
    return errors.size() == before ? request : null;
  }

  private static Integer integer(Csv.Row row, String field, String value, List<RowError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      errors.add(new RowError(row.line(), field, "must be a whole number"));
      return null;
    }
  }

  private static List<String> list(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static void requireCoordinator(Caller caller) {
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
