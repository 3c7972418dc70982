package org.amicus.cases.figure;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.PartialDate;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
import org.amicus.cases.figure.FigurePayloads.FigureView;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Records;
import org.amicus.cases.shared.Visibility;
import org.amicus.cases.shared.Where;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures the coalition reports from outside its own records, each with the organisation that
 * counted and the source. Read and changed under the same rules as cases and persons ({@link
 * Access}); every read and change is audited, and every change goes to the change feed as a {@link
 * FigureSearchDocument}, in the same transaction.
 */
@Service
public class SourcedFigureService
    implements Records<FigureRequest, FigureView, FigureFilter, FigureView> {

  static final String RECORD = "figure";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final SourcedFigures figures;
  private final AuditLog audit;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  SourcedFigureService(SourcedFigures figures, AuditLog audit, Outbox outbox) {
    this.figures = figures;
    this.audit = audit;
    this.outbox = outbox;
  }

  @Override
  @Transactional
  public FigureView create(Caller caller, FigureRequest request) {
    return create(caller, request, false);
  }

  /** Also used by the demo loader, which marks what it creates. */
  @Transactional
  public FigureView create(Caller caller, FigureRequest request, boolean demo) {
    Access.requireContentRole(caller);
    String org = Access.organisationOf(caller);
    if (!Access.canWrite(caller, org)) {
      throw ApiProblem.forbidden("Sourced figures are recorded by partners and coordinators");
    }
    SourcedFigure f = new SourcedFigure();
    f.ownerOrg = org;
    f.demo = demo;
    f.createdAt = clock.instant();
    apply(f, request);
    figures.saveAndFlush(f);
    changed(caller, f, "create");
    return view(caller, f);
  }

  @Transactional
  public FigureView get(Caller caller, long id) {
    SourcedFigure f = readable(caller, id);
    audit.record(caller, "read", RECORD, String.valueOf(id));
    return view(caller, f);
  }

  @Transactional
  public PageOf<FigureView> list(Caller caller, FigureFilter filter, Pageable page) {
    Access.requireContentRole(caller);
    audit.record(caller, "list", RECORD, "*");
    return PageOf.of(figures.findAll(spec(caller, filter), page), f -> view(caller, f));
  }

  @Transactional
  public FigureView update(Caller caller, long id, String ifMatch, FigureRequest request) {
    SourcedFigure f = writable(caller, id);
    Etag.require(ifMatch, f.version);
    apply(f, request);
    figures.saveAndFlush(f);
    changed(caller, f, "update");
    return view(caller, f);
  }

  @Transactional
  public void delete(Caller caller, long id, String ifMatch) {
    SourcedFigure f = writable(caller, id);
    Etag.require(ifMatch, f.version);
    figures.delete(f);
    figures.flush();
    outbox.delete(RECORD, String.valueOf(id));
    audit.record(caller, "delete", RECORD, String.valueOf(id));
  }

  /**
   * Figures recorded before figures went to the change feed have no document there; they get one at
   * start-up, so that search, which rebuilds from the snapshot, finds every figure.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void publishFiguresNotOnTheFeed() {
    Set<String> published = outbox.recordIds(RECORD);
    for (SourcedFigure f : figures.findAll(Sort.by("id"))) {
      if (!published.contains(String.valueOf(f.id))) {
        outbox.upsert(RECORD, String.valueOf(f.id), document(f));
      }
    }
  }

  private void changed(Caller caller, SourcedFigure f, String action) {
    outbox.upsert(RECORD, String.valueOf(f.id), document(f));
    audit.record(caller, action, RECORD, String.valueOf(f.id));
  }

  private static FigureSearchDocument document(SourcedFigure f) {
    return new FigureSearchDocument(
        f.id,
        f.ownerOrg,
        f.visibility.name(),
        Access.readers(f.ownerOrg, f.visibility),
        strip(f.value),
        f.qualifier.name(),
        strip(f.outOf),
        f.unit.name(),
        f.label,
        f.country,
        f.legalArticle,
        f.refersFrom,
        f.refersTo,
        PartialDate.parse(f.refersFrom).year(),
        f.countedBy,
        f.sourceCitation,
        f.sourceUrl,
        f.demo);
  }

  private SourcedFigure readable(Caller caller, long id) {
    Access.requireContentRole(caller);
    return figures
        .findById(id)
        .filter(f -> Access.canRead(caller, f.ownerOrg, f.visibility))
        .orElseThrow(() -> ApiProblem.notFound("Sourced figure " + id));
  }

  private SourcedFigure writable(Caller caller, long id) {
    SourcedFigure f = readable(caller, id);
    if (!Access.canWrite(caller, f.ownerOrg)) {
      throw ApiProblem.forbidden("Only the owner organisation changes a sourced figure");
    }
    return f;
  }

  /** Checks what annotations cannot (real dates, order, shares), naming every field at fault. */
  private static void check(FigureRequest r) {
    List<FieldError> errors = problems(r);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /** What {@link #check} refuses, for a CSV import to report by line. */
  static List<FieldError> problems(FigureRequest r) {
    List<FieldError> errors = new ArrayList<>();
    PartialDate from = date("refersFrom", r.refersFrom(), errors);
    PartialDate to = date("refersTo", r.refersTo(), errors);
    if (from != null && to != null && to.compareTo(from) < 0) {
      errors.add(new FieldError("refersTo", "must not be before refersFrom"));
    }
    if (r.value() == null && r.outOf() != null) {
      errors.add(new FieldError("outOf", "needs a value"));
    }
    if (r.value() != null && r.outOf() != null && r.value().compareTo(r.outOf()) > 0) {
      errors.add(new FieldError("value", "must not be more than outOf"));
    }
    if (r.unit() == Unit.PERCENT && r.value() != null && r.value().compareTo(HUNDRED) > 0) {
      errors.add(new FieldError("value", "a percentage must not be more than 100"));
    }
    if (r.value() == null && r.qualifier() != null && r.qualifier() != Qualifier.EXACTLY) {
      errors.add(new FieldError("qualifier", "qualifies a value; this figure has none"));
    }
    return errors;
  }

  private static PartialDate date(String field, String text, List<FieldError> errors) {
    if (text == null) {
      return null;
    }
    try {
      return PartialDate.parse(text);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  private void apply(SourcedFigure f, FigureRequest r) {
    check(r);
    f.value = r.value();
    f.qualifier = r.qualifier() == null ? Qualifier.EXACTLY : r.qualifier();
    f.outOf = r.outOf();
    f.unit = r.unit() == null ? Unit.COUNT : r.unit();
    f.label = r.label().trim();
    f.country = r.country();
    f.legalArticle = blankToNull(r.legalArticle());
    f.refersFrom = r.refersFrom().trim();
    f.refersTo = blankToNull(r.refersTo());
    f.countedBy = r.countedBy().trim();
    f.sourceCitation = r.sourceCitation().trim();
    f.sourceUrl = blankToNull(r.sourceUrl());
    f.visibility = r.visibility() == null ? Visibility.COALITION : r.visibility();
    f.updatedAt = clock.instant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static FigureView view(Caller caller, SourcedFigure f) {
    return new FigureView(
        f.id,
        "SOURCED",
        strip(f.value),
        f.qualifier,
        strip(f.outOf),
        f.unit,
        f.label,
        f.country,
        f.legalArticle,
        f.refersFrom,
        f.refersTo,
        f.countedBy,
        f.sourceCitation,
        f.sourceUrl,
        f.ownerOrg,
        f.visibility,
        Access.canWrite(caller, f.ownerOrg),
        f.demo,
        f.createdAt,
        f.updatedAt,
        f.version);
  }

  /** 21, not 21.0000, as the database's numeric(18,4) returns it. */
  static BigDecimal strip(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static Specification<SourcedFigure> spec(Caller caller, FigureFilter filter) {
    String country = given(filter.country());
    String article = given(filter.legalArticle());
    return (root, query, cb) ->
        Where.readableBy(caller, root, cb)
            .equal("country", country == null ? null : country.toUpperCase(Locale.ROOT))
            .equal("legalArticle", article)
            .all();
  }

  /** A filter's text without its spaces; null when it is not given or blank. */
  private static String given(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
