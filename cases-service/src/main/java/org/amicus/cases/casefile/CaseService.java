package org.amicus.cases.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amicus.cases.audit.AuditEntry;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.CaseParts.ArticleView;
import org.amicus.cases.person.PersonChanged;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.Ids;
import org.amicus.cases.shared.MergePatch;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Records;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases and their parts. Every read is audited; every change bumps the case version (its ETag), is
 * audited and writes the case's search document to the outbox, all in one transaction. The rules of
 * a case and its parts are the aggregate's ({@link CaseFile}); this class loads it, checks who may
 * do what, lets the aggregate change, saves, audits and publishes.
 */
@Service
public class CaseService implements Records<CaseRequest, CaseView, CaseFilter, CaseSummary> {

  public static final String RECORD = "case";

  /** Documents are audited as {@code document <caseId>/<documentId>}, shown in the case history. */
  public static final String DOCUMENT_RECORD = "document";

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final CaseFiles cases;
  private final LegalArticles articles;
  private final ReferenceGenerator references;
  private final PersonService persons;
  private final CaseViews views;
  private final CaseSearchDocuments documents;
  private final Outbox outbox;
  private final AuditLog audit;
  private final MergePatch patches;
  private final Clock clock = Clock.systemUTC();

  CaseService(
      CaseFiles cases,
      LegalArticles articles,
      ReferenceGenerator references,
      PersonService persons,
      CaseViews views,
      CaseSearchDocuments documents,
      Outbox outbox,
      AuditLog audit,
      MergePatch patches) {
    this.cases = cases;
    this.articles = articles;
    this.references = references;
    this.persons = persons;
    this.views = views;
    this.documents = documents;
    this.outbox = outbox;
    this.audit = audit;
    this.patches = patches;
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
    int year = request.year() != null ? request.year() : LocalDate.now(clock).getYear();
    CaseFile c =
        new CaseFile(
            owner, demo, references.next(request.country(), year), year, request, clock.instant());
    cases.saveAndFlush(c);
    changed(caller, c, "create");
    return views.view(caller, c);
  }

  /**
   * One query brings the case with its charges; see {@link CaseFiles#findWithChargesById}. The view
   * is built while the audit writer commits the read's entry, and returned once it is committed.
   * Read-only: nothing to flush or check for changes at the end.
   */
  @Transactional(readOnly = true)
  public CaseView get(Caller caller, long id) {
    CaseFile c = readable(caller, id, cases::findWithChargesById);
    return audit.recordRead(caller, "read", RECORD, key(c), () -> views.view(caller, c));
  }

  @Transactional
  public PageOf<CaseSummary> list(Caller caller, CaseFilter filter, Pageable page) {
    Access.requireContentRole(caller);
    audit.record(caller, "list", RECORD, "*");
    return PageOf.of(
        cases.findAll(CaseQueries.visibleTo(caller, filter), page), CaseViews::summary);
  }

  @Transactional
  public CaseView update(Caller caller, long id, String ifMatch, CaseRequest request) {
    CaseFile c = writable(caller, id, ifMatch);
    validate(caller, request, c);
    c.revise(request, clock.instant());
    return saved(caller, c, "update");
  }

  /** A merge patch (RFC 7396) onto the case as a PUT would state it; same checks as a PUT. */
  @Transactional
  public CaseView patch(Caller caller, long id, String ifMatch, JsonNode patch) {
    CaseFile c = writable(caller, id, ifMatch);
    return update(caller, id, ifMatch, patches.apply(c.asRequest(), patch, CaseRequest.class));
  }

  @Transactional
  public void delete(Caller caller, long id, String ifMatch) {
    CaseFile c = writable(caller, id, ifMatch);
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
  public List<Long> readable(Caller caller, Collection<Long> ids) {
    Set<Long> ok =
        cases.findAllById(ids).stream()
            .filter(c -> Access.canRead(caller, c.ownerOrg, c.visibility))
            .map(c -> c.id)
            .collect(Collectors.toSet());
    return ids.stream().filter(ok::contains).toList();
  }

  // ---- parts: charges, events, UN decisions, representation

  /** Reading a case's parts is audited like reading the case ({@code read.charges}). */
  @Transactional
  public <V> List<V> parts(Caller caller, long id, PartKind<?, V> kind) {
    CaseFile c = readable(caller, id);
    audit.record(caller, "read." + kind.plural(), RECORD, key(c));
    return views.parts(c, kind);
  }

  @Transactional
  public <Q> CaseView add(Caller caller, long id, PartKind<Q, ?> kind, Q request) {
    CaseFile c = writable(caller, id);
    c.add(kind, request, articles, clock.instant());
    return saved(caller, c, kind.action() + ".add");
  }

  @Transactional
  public <Q> CaseView replace(
      Caller caller, long id, PartKind<Q, ?> kind, long partId, String ifMatch, Q request) {
    CaseFile c = writable(caller, id, ifMatch);
    c.replace(kind, partId, request, articles, clock.instant());
    return saved(caller, c, kind.action() + ".update");
  }

  @Transactional
  public CaseView remove(Caller caller, long id, PartKind<?, ?> kind, long partId, String ifMatch) {
    CaseFile c = writable(caller, id, ifMatch);
    c.remove(kind, partId, clock.instant());
    return saved(caller, c, kind.action() + ".delete");
  }

  /** A person's names feed the documents of every case concerning them. */
  @EventListener
  void personChanged(PersonChanged event) {
    cases.findByPersonIdsContains(event.personId()).forEach(this::publish);
  }

  // ---- rules

  private CaseFile readable(Caller caller, long id) {
    return readable(caller, id, cases::findById);
  }

  private static CaseFile readable(
      Caller caller, long id, Function<Long, Optional<CaseFile>> finder) {
    Access.requireContentRole(caller);
    return finder
        .apply(id)
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

  /** A change of what the caller read: {@code ifMatch} must name the current version. */
  private CaseFile writable(Caller caller, long id, String ifMatch) {
    CaseFile c = writable(caller, id);
    Etag.require(ifMatch, c.version);
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
      errors.addAll(existing.personsStillReferred(ids));
    }
    return errors;
  }

  private CaseView saved(Caller caller, CaseFile c, String action) {
    cases.saveAndFlush(c);
    changed(caller, c, action);
    return views.view(caller, c);
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
        RECORD, "readers", id -> Ids.numeric(id).flatMap(cases::findById).map(documents::of));
  }

  private void publish(CaseFile c) {
    outbox.upsert(RECORD, key(c), documents.of(c));
  }

  private static String key(CaseFile c) {
    return String.valueOf(c.id);
  }
}
