package org.amicus.cases.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.amicus.cases.audit.AuditEntry;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.CaseParts.ArticleView;
import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.ChargeView;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.DecisionView;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseParts.EventView;
import org.amicus.cases.casefile.CaseParts.RepresentationRequest;
import org.amicus.cases.casefile.CaseParts.RepresentationView;
import org.amicus.cases.person.PersonChanged;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.Ids;
import org.amicus.cases.shared.MergePatch;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases and their parts. Every read is audited; every change bumps the case version (its ETag), is
 * audited and writes the case's search document to the outbox, all in one transaction.
 */
@Service
public class CaseService {

  public static final String RECORD = "case";

  /** Documents are audited as {@code document <caseId>/<documentId>}, shown in the case history. */
  public static final String DOCUMENT_RECORD = "document";

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final CaseFiles cases;
  private final LegalArticles articles;
  private final Charges charges;
  private final CaseEvents events;
  private final UnDecisions decisions;
  private final Representations representations;
  private final ReferenceGenerator references;
  private final PersonService persons;
  private final Outbox outbox;
  private final AuditLog audit;
  private final MergePatch patches;
  private final Clock clock = Clock.systemUTC();
  private final PartKind<Charge, ChargeRequest> chargeParts;
  private final PartKind<CaseEvent, EventRequest> eventParts;
  private final PartKind<UnDecision, DecisionRequest> decisionParts;
  private final PartKind<Representation, RepresentationRequest> representationParts;

  CaseService(
      CaseFiles cases,
      LegalArticles articles,
      Charges charges,
      CaseEvents events,
      UnDecisions decisions,
      Representations representations,
      ReferenceGenerator references,
      PersonService persons,
      Outbox outbox,
      AuditLog audit,
      MergePatch patches) {
    this.cases = cases;
    this.articles = articles;
    this.charges = charges;
    this.events = events;
    this.decisions = decisions;
    this.representations = representations;
    this.references = references;
    this.persons = persons;
    this.outbox = outbox;
    this.audit = audit;
    this.patches = patches;
    this.chargeParts =
        new PartKind<>(
            "Charge",
            "charge",
            charges,
            Charge::new,
            (charge, caseId) -> charge.caseId = caseId,
            charge -> charge.caseId,
            this::applyCharge);
    this.eventParts =
        new PartKind<>(
            "Event",
            "event",
            events,
            CaseEvent::new,
            (event, caseId) -> event.caseId = caseId,
            event -> event.caseId,
            this::applyEvent);
    this.decisionParts =
        new PartKind<>(
            "Decision",
            "decision",
            decisions,
            UnDecision::new,
            (decision, caseId) -> decision.caseId = caseId,
            decision -> decision.caseId,
            this::applyDecision);
    this.representationParts =
        new PartKind<>(
            "Representation",
            "representation",
            representations,
            Representation::new,
            (representation, caseId) -> representation.caseId = caseId,
            representation -> representation.caseId,
            this::applyRepresentation);
  }

  // ---- the case itself

  @Transactional
  public CaseView create(Caller caller, CaseRequest request) {
    return create(caller, request, false);
  }

  /** Also used by the demo loader, which marks what it creates. */
  @Transactional
  public CaseView create(Caller caller, CaseRequest request, boolean demo) {
    Access.requireContentRole(caller);
    String owner = Access.organisationOf(caller);
    validate(caller, request, null);
    CaseFile c = new CaseFile();
    c.ownerOrg = owner;
    c.demo = demo;
    c.country = request.country();
    c.year = request.year() != null ? request.year() : LocalDate.now(clock).getYear();
    c.reference = references.next(c.country, c.year);
    c.createdAt = clock.instant();
    apply(c, request);
    cases.saveAndFlush(c);
    changed(caller, c, "create");
    return view(caller, c);
  }

  @Transactional
  public CaseView get(Caller caller, long id) {
    CaseFile c = readable(caller, id);
    audit.recordRead(caller, "read", RECORD, key(c));
    return view(caller, c);
  }

  @Transactional
  public PageOf<CaseSummary> list(Caller caller, CaseFilter filter, Pageable page) {
    Access.requireContentRole(caller);
    audit.record(caller, "list", RECORD, "*");
    return PageOf.of(cases.findAll(spec(caller, filter), page), CaseService::summary);
  }

  @Transactional
  public CaseView update(Caller caller, long id, String ifMatch, CaseRequest request) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
    validate(caller, request, c);
    apply(c, request);
    cases.saveAndFlush(c);
    changed(caller, c, "update");
    return view(caller, c);
  }

  /** A merge patch (RFC 7396) onto the case as a PUT would state it; same checks as a PUT. */
  @Transactional
  public CaseView patch(Caller caller, long id, String ifMatch, JsonNode patch) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
    CaseRequest current =
        new CaseRequest(
            c.title,
            c.summary,
            c.country,
            c.year,
            List.copyOf(c.personIds),
            violations(c),
            c.status,
            c.riskLevel,
            c.visibility);
    return update(caller, id, ifMatch, patches.apply(current, patch, CaseRequest.class));
  }

  @Transactional
  public void delete(Caller caller, long id, String ifMatch) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
    cases.delete(c);
    cases.flush();
    outbox.delete(RECORD, key(c));
    audit.record(caller, "delete", RECORD, key(c));
  }

  /**
   * The audit trail of one case: for its owner organisation, and for coordinators once the case is
   * shared with the coalition.
   */
  @Transactional
  public List<AuditEntry> history(Caller caller, long id) {
    CaseFile c = readable(caller, id);
    boolean owner = Access.canWrite(caller, c.ownerOrg);
    boolean coordinator = caller.has(Role.COORDINATOR) && c.visibility != Visibility.ORGANISATION;
    if (!owner && !coordinator) {
      throw ApiProblem.forbidden("A case's history is for its owner organisation and coordinators");
    }
    List<AuditEntry> history = audit.history(RECORD, key(c), DOCUMENT_RECORD);
    audit.record(caller, "history", RECORD, key(c));
    return history;
  }

  @Transactional(readOnly = true)
  public List<ArticleView> articles(String country) {
    return articles.findByCountryOrderByCodeAscNumberAsc(country).stream()
        .map(a -> new ArticleView(a.id, a.country, a.code, a.number, a.title))
        .toList();
  }

  /**
   * The owner organisation of a case the caller may read (404 otherwise), for parts that only the
   * owner organisation sees, such as documents.
   */
  @Transactional(readOnly = true)
  public String ownerOf(Caller caller, long id) {
    return readable(caller, id).ownerOrg;
  }

  /** The current version, for the ETag a write answers with. */
  @Transactional(readOnly = true)
  public long version(long id) {
    return cases.findById(id).map(c -> c.version).orElse(0L);
  }

  /** Those of {@code ids} that name a case the caller may read, in the given order. */
  @Transactional(readOnly = true)
  public List<Long> readable(Caller caller, java.util.Collection<Long> ids) {
    Set<Long> ok =
        cases.findAllById(ids).stream()
            .filter(c -> Access.canRead(caller, c.ownerOrg, c.visibility))
            .map(c -> c.id)
            .collect(Collectors.toSet());
    return ids.stream().filter(ok::contains).toList();
  }

  // ---- parts: charges, events, UN decisions, representation

  @Transactional
  public List<ChargeView> charges(Caller caller, long id) {
    return readParts(caller, id, "charges", this::chargeViews);
  }

  @Transactional
  public CaseView addCharge(Caller caller, long id, ChargeRequest request) {
    return addPart(caller, id, chargeParts, request);
  }

  @Transactional
  public CaseView updateCharge(
      Caller caller, long id, long chargeId, String ifMatch, ChargeRequest request) {
    return updatePart(caller, id, chargeParts, chargeId, ifMatch, request);
  }

  @Transactional
  public CaseView deleteCharge(Caller caller, long id, long chargeId, String ifMatch) {
    return deletePart(caller, id, chargeParts, chargeId, ifMatch);
  }

  @Transactional
  public List<EventView> events(Caller caller, long id) {
    return readParts(caller, id, "events", this::eventViews);
  }

  @Transactional
  public CaseView addEvent(Caller caller, long id, EventRequest request) {
    return addPart(caller, id, eventParts, request);
  }

  @Transactional
  public CaseView updateEvent(
      Caller caller, long id, long eventId, String ifMatch, EventRequest request) {
    return updatePart(caller, id, eventParts, eventId, ifMatch, request);
  }

  @Transactional
  public CaseView deleteEvent(Caller caller, long id, long eventId, String ifMatch) {
    return deletePart(caller, id, eventParts, eventId, ifMatch);
  }

  @Transactional
  public List<DecisionView> decisions(Caller caller, long id) {
    return readParts(caller, id, "decisions", this::decisionViews);
  }

  @Transactional
  public CaseView addDecision(Caller caller, long id, DecisionRequest request) {
    return addPart(caller, id, decisionParts, request);
  }

  @Transactional
  public CaseView updateDecision(
      Caller caller, long id, long decisionId, String ifMatch, DecisionRequest request) {
    return updatePart(caller, id, decisionParts, decisionId, ifMatch, request);
  }

  @Transactional
  public CaseView deleteDecision(Caller caller, long id, long decisionId, String ifMatch) {
    return deletePart(caller, id, decisionParts, decisionId, ifMatch);
  }

  @Transactional
  public List<RepresentationView> representations(Caller caller, long id) {
    return readParts(caller, id, "representations", this::representationViews);
  }

  @Transactional
  public CaseView addRepresentation(Caller caller, long id, RepresentationRequest request) {
    return addPart(caller, id, representationParts, request);
  }

  @Transactional
  public CaseView updateRepresentation(
      Caller caller,
      long id,
      long representationId,
      String ifMatch,
      RepresentationRequest request) {
    return updatePart(caller, id, representationParts, representationId, ifMatch, request);
  }

  @Transactional
  public CaseView deleteRepresentation(
      Caller caller, long id, long representationId, String ifMatch) {
    return deletePart(caller, id, representationParts, representationId, ifMatch);
  }

  /**
   * One kind of part of a case: where it is stored, its name in problems ({@code "Charge 12"}) and
   * in the audit trail ({@code charge.add}), and how a request fills it, with the checks that go
   * with it.
   */
  private record PartKind<E, Q>(
      String name,
      String action,
      JpaRepository<E, Long> store,
      Supplier<E> create,
      BiConsumer<E, Long> attach,
      Function<E, Long> caseOf,
      Filler<E, Q> fill) {}

  @FunctionalInterface
  private interface Filler<E, Q> {
    void fill(CaseFile c, E part, Q request);
  }

  /** Reading a case's parts is audited like reading the case ({@code read.charges}). */
  private <V> List<V> readParts(
      Caller caller, long id, String parts, Function<CaseFile, List<V>> views) {
    CaseFile c = readable(caller, id);
    audit.record(caller, "read." + parts, RECORD, key(c));
    return views.apply(c);
  }

  private <E, Q> CaseView addPart(Caller caller, long id, PartKind<E, Q> kind, Q request) {
    CaseFile c = writable(caller, id);
    E part = kind.create().get();
    kind.attach().accept(part, c.id);
    kind.fill().fill(c, part, request);
    kind.store().save(part);
    return touched(caller, c, kind.action() + ".add");
  }

  private <E, Q> CaseView updatePart(
      Caller caller, long id, PartKind<E, Q> kind, long partId, String ifMatch, Q request) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
    E part = partOf(c, kind, partId);
    kind.fill().fill(c, part, request);
    kind.store().save(part);
    return touched(caller, c, kind.action() + ".update");
  }

  private <E> CaseView deletePart(
      Caller caller, long id, PartKind<E, ?> kind, long partId, String ifMatch) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
    kind.store().delete(partOf(c, kind, partId));
    return touched(caller, c, kind.action() + ".delete");
  }

  /** A part of another case answers 404 like a missing one. */
  private static <E> E partOf(CaseFile c, PartKind<E, ?> kind, long partId) {
    return kind.store()
        .findById(partId)
        .filter(part -> c.id.equals(kind.caseOf().apply(part)))
        .orElseThrow(() -> ApiProblem.notFound(kind.name() + " " + partId));
  }

  /** A person's names feed the documents of every case concerning them. */
  @EventListener
  void personChanged(PersonChanged event) {
    cases.findByPersonIdsContains(event.personId()).forEach(this::publish);
  }

  // ---- rules

  private CaseFile readable(Caller caller, long id) {
    Access.requireContentRole(caller);
    return cases
        .findById(id)
        .filter(c -> Access.canRead(caller, c.ownerOrg, c.visibility))
        .orElseThrow(() -> ApiProblem.notFound("Case " + id));
  }

  private CaseFile writable(Caller caller, long id) {
    CaseFile c = readable(caller, id);
    if (!Access.canWrite(caller, c.ownerOrg)) {
      throw ApiProblem.forbidden("Only the owner organisation changes a case");
    }
    return c;
  }

  /**
   * What {@link #create} would refuse beyond bean validation (country, persons the caller cannot
   * read), without writing anything; for imports checking every row first.
   */
  @Transactional(readOnly = true)
  public List<FieldError> check(Caller caller, CaseRequest request) {
    return problems(caller, request, null);
  }

  private void validate(Caller caller, CaseRequest request, CaseFile existing) {
    List<FieldError> errors = problems(caller, request, existing);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  private List<FieldError> problems(Caller caller, CaseRequest request, CaseFile existing) {
    List<FieldError> errors = new ArrayList<>();
    if (!COUNTRIES.contains(request.country())) {
      errors.add(new FieldError("country", "is not an ISO 3166 alpha-2 country code"));
    } else if (existing != null && !existing.country.equals(request.country())) {
      errors.add(new FieldError("country", "cannot change once the case has its reference"));
    }
    List<Long> ids = request.personIds() == null ? List.of() : request.personIds();
    List<Long> unreadable = persons.unreadable(caller, ids);
    for (int i = 0; i < ids.size(); i++) {
      if (unreadable.contains(ids.get(i))) {
        errors.add(new FieldError("personIds[" + i + "]", "names no person you may read"));
      }
    }
    if (existing != null) {
      for (Long removed : existing.personIds) {
        if (!ids.contains(removed) && referenced(existing.id, removed)) {
          errors.add(
              new FieldError(
                  "personIds",
                  "must keep person " + removed + ": charges, events or decisions refer to them"));
        }
      }
    }
    return errors;
  }

  private boolean referenced(long caseId, long personId) {
    Long p = personId;
    return charges.findByCaseIdOrderByIdAsc(caseId).stream().anyMatch(x -> p.equals(x.personId))
        || events.findByCaseId(caseId).stream().anyMatch(x -> p.equals(x.personId))
        || decisions.findByCaseIdOrderByIdAsc(caseId).stream().anyMatch(x -> p.equals(x.personId))
        || representations.findByCaseIdOrderByIdAsc(caseId).stream()
            .anyMatch(x -> p.equals(x.personId));
  }

  private void apply(CaseFile c, CaseRequest request) {
    c.title = request.title().trim();
    c.summary = request.summary();
    c.status = request.status();
    c.riskLevel = request.riskLevel();
    c.visibility = request.visibility();
    c.violations.clear();
    if (request.violations() != null) {
      c.violations.addAll(request.violations());
    }
    c.personIds.clear();
    if (request.personIds() != null) {
      request.personIds().stream().distinct().forEach(c.personIds::add);
    }
    c.updatedAt = clock.instant();
  }

  private void applyCharge(CaseFile c, Charge charge, ChargeRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String code = request.code() == null || request.code().isBlank() ? "CC" : request.code();
    LegalArticle article =
        articles
            .findByCountryAndCodeAndNumber(c.country, code, request.article().trim())
            .orElse(null);
    if (article == null) {
      errors.add(
          new FieldError(
              "article", "is not in the " + c.country + " vocabulary; see /api/cases/articles"));
    }
    checkPerson(c, request.personId(), errors);
    PartialDate date = request.date() == null ? null : date(request.date(), errors);
    fail(errors);
    charge.articleId = article.id;
    charge.personId = request.personId();
    charge.dateYear = date == null ? null : date.year();
    charge.dateMonth = date == null ? null : date.month();
    charge.dateDay = date == null ? null : date.day();
    charge.note = request.note();
  }

  private void applyEvent(CaseFile c, CaseEvent event, EventRequest request) {
    List<FieldError> errors = new ArrayList<>();
    checkPerson(c, request.personId(), errors);
    PartialDate date = date(request.date(), errors);
    fail(errors);
    event.type = request.type();
    event.personId = request.personId();
    event.dateYear = date.year();
    event.dateMonth = date.month();
    event.dateDay = date.day();
    event.place = request.place();
    event.perpetrator = request.perpetrator();
    event.source = request.source();
    event.reliability = request.reliability();
    event.termMonths = request.termMonths();
    event.description = request.description();
  }

  private void applyDecision(CaseFile c, UnDecision decision, DecisionRequest request) {
    List<FieldError> errors = new ArrayList<>();
    checkPerson(c, request.personId(), errors);
    fail(errors);
    decision.body = request.body();
    decision.reference = request.reference().trim();
    decision.decidedOn = request.date();
    decision.finding = request.finding();
    decision.requestedRemedy = request.requestedRemedy();
    decision.compliance = request.compliance();
    decision.personId = request.personId();
  }

  private void applyRepresentation(CaseFile c, Representation r, RepresentationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    checkPerson(c, request.personId(), errors);
    if (request.revokedOn() != null && request.revokedOn().isBefore(request.grantedOn())) {
      errors.add(new FieldError("revokedOn", "must not be before grantedOn"));
    }
    fail(errors);
    r.personId = request.personId();
    r.organisation = request.organisation().trim();
    r.grantedOn = request.grantedOn();
    r.revokedOn = request.revokedOn();
  }

  private static void checkPerson(CaseFile c, Long personId, List<FieldError> errors) {
    if (personId != null && !c.personIds.contains(personId)) {
      errors.add(new FieldError("personId", "must be one of the persons concerned by the case"));
    }
  }

  private PartialDate date(String text, List<FieldError> errors) {
    try {
      PartialDate date = PartialDate.parse(text);
      if (!date.notAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
        errors.add(new FieldError("date", "must not be in the future"));
      }
      return date;
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("date", e.getMessage()));
      return null;
    }
  }

  private static void fail(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  private CaseView touched(Caller caller, CaseFile c, String action) {
    c.updatedAt = clock.instant();
    cases.saveAndFlush(c);
    changed(caller, c, action);
    return view(caller, c);
  }

  private void changed(Caller caller, CaseFile c, String action) {
    publish(c);
    audit.record(caller, action, RECORD, key(c));
  }

  /**
   * Documents written before they carried {@code readers} are written again at start-up, so that
   * search, which refuses a document without readers, can rebuild from the snapshot.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void publishReadersOfOlderDocuments() {
    outbox.republishWithout(
        RECORD, "readers", id -> Ids.numeric(id).flatMap(cases::findById).map(this::document));
  }

  private void publish(CaseFile c) {
    outbox.upsert(RECORD, key(c), document(c));
  }

  private static String key(CaseFile c) {
    return String.valueOf(c.id);
  }

  /** The search document: ACL fields and what search filters on; never contact data. */
  private CaseSearchDocument document(CaseFile c) {
    return new CaseSearchDocument(
        c.id,
        c.reference,
        c.title,
        c.summary,
        c.country,
        c.year,
        c.status.name(),
        c.riskLevel.name(),
        c.violations.stream().map(Enum::name).sorted().toList(),
        c.ownerOrg,
        c.visibility.name(),
        Access.readers(c.ownerOrg, c.visibility),
        articlesOf(c).values().stream()
            .map(a -> new CaseSearchDocument.Article(a.code, a.number, a.title))
            .toList(),
        persons.namesForIndex(c.personIds, c.ownerOrg, c.visibility),
        decisions.findByCaseIdOrderByIdAsc(c.id).stream()
            .map(d -> d.compliance.name())
            .distinct()
            .toList(),
        c.demo);
  }

  private Map<Long, LegalArticle> articlesOf(CaseFile c) {
    Set<Long> ids =
        charges.findByCaseIdOrderByIdAsc(c.id).stream()
            .map(x -> x.articleId)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    Map<Long, LegalArticle> byId = new LinkedHashMap<>();
    articles.findAllById(ids).forEach(a -> byId.put(a.id, a));
    return byId;
  }

  private CaseView view(Caller caller, CaseFile c) {
    return new CaseView(
        c.id,
        c.reference,
        c.title,
        c.summary,
        c.country,
        c.year,
        c.status,
        c.riskLevel,
        c.ownerOrg,
        c.visibility,
        violations(c),
        persons.refs(caller, c.personIds),
        chargeViews(c),
        eventViews(c),
        decisionViews(c),
        representationViews(c),
        c.demo,
        c.createdAt,
        c.updatedAt,
        c.version);
  }

  private static Set<Violation> violations(CaseFile c) {
    return c.violations.isEmpty() ? Set.of() : EnumSet.copyOf(c.violations);
  }

  private static CaseSummary summary(CaseFile c) {
    return new CaseSummary(
        c.id,
        c.reference,
        c.title,
        c.country,
        c.year,
        c.status,
        c.riskLevel,
        c.ownerOrg,
        c.visibility,
        violations(c),
        c.demo,
        c.version);
  }

  private List<ChargeView> chargeViews(CaseFile c) {
    List<Charge> list = charges.findByCaseIdOrderByIdAsc(c.id);
    Map<Long, LegalArticle> byId = articlesOf(c);
    return list.stream()
        .map(
            x -> {
              LegalArticle a = byId.get(x.articleId);
              String date =
                  x.dateYear == null
                      ? null
                      : new PartialDate(x.dateYear, x.dateMonth, x.dateDay).toString();
              return new ChargeView(
                  x.id, a.id, a.code, a.number, a.title, x.personId, date, x.note);
            })
        .toList();
  }

  private List<EventView> eventViews(CaseFile c) {
    return events.findByCaseId(c.id).stream()
        .sorted(Comparator.comparing(CaseEvent::date).thenComparing(e -> e.id))
        .map(
            e ->
                new EventView(
                    e.id,
                    e.type,
                    e.date().toString(),
                    e.personId,
                    e.place,
                    e.perpetrator,
                    e.source,
                    e.reliability,
                    e.termMonths,
                    e.description))
        .toList();
  }

  private List<DecisionView> decisionViews(CaseFile c) {
    return decisions.findByCaseIdOrderByIdAsc(c.id).stream()
        .map(
            d ->
                new DecisionView(
                    d.id,
                    d.body,
                    d.reference,
                    d.decidedOn,
                    d.finding,
                    d.requestedRemedy,
                    d.compliance,
                    d.personId))
        .toList();
  }

  private List<RepresentationView> representationViews(CaseFile c) {
    LocalDate today = LocalDate.now(clock);
    return representations.findByCaseIdOrderByIdAsc(c.id).stream()
        .map(
            r ->
                new RepresentationView(
                    r.id,
                    r.personId,
                    r.organisation,
                    r.grantedOn,
                    r.revokedOn,
                    r.revokedOn == null || r.revokedOn.isAfter(today)))
        .toList();
  }

  static Specification<CaseFile> spec(Caller caller, CaseFilter f) {
    String org = caller.organisation().orElse("");
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(
          cb.or(
              cb.equal(root.get("ownerOrg"), org),
              cb.notEqual(root.get("visibility"), Visibility.ORGANISATION)));
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%";
        where.add(
            cb.or(
                cb.like(cb.lower(root.get("title")), like),
                cb.like(cb.lower(root.get("reference")), like)));
      }
      if (f.status() != null) {
        where.add(cb.equal(root.get("status"), f.status()));
      }
      if (f.country() != null) {
        where.add(cb.equal(root.get("country"), f.country().toUpperCase(Locale.ROOT)));
      }
      if (f.visibility() != null) {
        where.add(cb.equal(root.get("visibility"), f.visibility()));
      }
      if (f.ownerOrg() != null) {
        where.add(cb.equal(root.get("ownerOrg"), f.ownerOrg()));
      }
      if (f.year() != null) {
        where.add(cb.equal(root.get("year"), f.year()));
      }
      if (f.riskLevel() != null) {
        where.add(cb.equal(root.get("riskLevel"), f.riskLevel()));
      }
      if (f.violation() != null) {
        var sub = query.subquery(Long.class);
        var sc = sub.from(CaseFile.class);
        Join<CaseFile, Violation> v = sc.join("violations");
        sub.select(sc.get("id"))
            .where(cb.equal(sc.get("id"), root.get("id")), cb.equal(v, f.violation()));
        where.add(cb.exists(sub));
      }
      if (f.personId() != null) {
        var sub = query.subquery(Long.class);
        var sc = sub.from(CaseFile.class);
        Join<CaseFile, Long> p = sc.join("personIds");
        sub.select(sc.get("id"))
            .where(cb.equal(sc.get("id"), root.get("id")), cb.equal(p, f.personId()));
        where.add(cb.exists(sub));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
