package org.amicus.cases.person;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Join;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.Ids;
import org.amicus.cases.shared.MergePatch;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Records;
import org.amicus.cases.shared.Visibility;
import org.amicus.cases.shared.Where;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.hibernate.Session;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Persons: create, read, change, consent; every call audited, every change in the outbox. */
@Service
public class PersonService implements Records<PersonRequest, PersonView, PersonFilter, PersonView> {

  static final String RECORD = "person";

  private final Persons persons;
  private final Consents consents;
  private final Outbox outbox;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final MergePatch patches;
  private final EntityManager entities;
  private final Clock clock = Clock.systemUTC();

  PersonService(
      Persons persons,
      Consents consents,
      Outbox outbox,
      AuditLog audit,
      ApplicationEventPublisher events,
      MergePatch patches,
      EntityManager entities) {
    this.persons = persons;
    this.consents = consents;
    this.outbox = outbox;
    this.audit = audit;
    this.events = events;
    this.patches = patches;
    this.entities = entities;
  }

  @Transactional
  public PersonView create(Caller caller, PersonRequest request) {
    return create(caller, request, false);
  }

  /** Also used by the demo loader, which marks what it creates. */
  @Transactional
  public PersonView create(Caller caller, PersonRequest request, boolean demo) {
    Access.requireContentRole(caller);
    Person person = new Person();
    person.ownerOrg = Access.organisationOf(caller);
    person.demo = demo;
    person.createdAt = clock.instant();
    apply(person, request);
    persons.saveAndFlush(person);
    changed(caller, person, "create");
    return view(caller, person);
  }

  @Transactional
  public PersonView get(Caller caller, long id) {
    Person person = readable(caller, id);
    audit.record(caller, "read", RECORD, String.valueOf(id));
    return view(caller, person);
  }

  @Transactional
  public PageOf<PersonView> list(Caller caller, PersonFilter filter, Pageable page) {
    Access.requireContentRole(caller);
    audit.record(caller, "list", RECORD, "*");
    return PageOf.of(persons.findAll(spec(caller, filter), page), p -> view(caller, p));
  }

  @Transactional
  public PersonView update(Caller caller, long id, String ifMatch, PersonRequest request) {
    Person person = writable(caller, id);
    Etag.require(ifMatch, person.version);
    apply(person, request);
    persons.saveAndFlush(person);
    changed(caller, person, "update");
    return view(caller, person);
  }

  /** A merge patch (RFC 7396) onto the person as a PUT would state it; same checks as a PUT. */
  @Transactional
  public PersonView patch(Caller caller, long id, String ifMatch, JsonNode patch) {
    Person person = writable(caller, id);
    Etag.require(ifMatch, person.version);
    PersonRequest current =
        new PersonRequest(
            person.originalName,
            List.copyOf(person.spellings),
            person.birthYear,
            person.gender,
            person.region,
            person.occupation,
            person.contact,
            person.pseudonym,
            person.visibility);
    return update(caller, id, ifMatch, patches.apply(current, patch, PersonRequest.class));
  }

  @Transactional
  public void delete(Caller caller, long id, String ifMatch) {
    Person person = writable(caller, id);
    Etag.require(ifMatch, person.version);
    persons.delete(person);
    persons.flush();
    outbox.delete(RECORD, String.valueOf(id));
    audit.record(caller, "delete", RECORD, String.valueOf(id));
  }

  @Transactional
  public PersonView recordConsent(Caller caller, long id, ConsentRequest request) {
    Person person = writable(caller, id);
    Consent consent = new Consent();
    consent.personId = person.id;
    consent.channel = request.channel();
    consent.granted = request.granted();
    consent.decidedOn = request.date();
    consent.recordedAt = clock.instant();
    consent.recordedBy = caller.username();
    consents.save(consent);
    // A consent changes what may be published about the person: bump the version and re-index.
    person.updatedAt = clock.instant();
    persons.saveAndFlush(person);
    changed(caller, person, request.granted() ? "consent.grant" : "consent.withdraw");
    return view(caller, person);
  }

  /** The current version, for the ETag a write answers with. */
  @Transactional(readOnly = true)
  public long version(long id) {
    return persons.findById(id).map(p -> p.version).orElse(0L);
  }

  /** Ids among {@code ids} that name no person the caller may read. */
  @Transactional(readOnly = true)
  public List<Long> unreadable(Caller caller, List<Long> ids) {
    Map<Long, Person> found = byId(ids);
    return ids.stream()
        .filter(
            id ->
                !found.containsKey(id)
                    || !Access.canRead(caller, found.get(id).ownerOrg, found.get(id).visibility))
        .toList();
  }

  /** How a case shows its persons to this caller: names if readable, otherwise pseudonyms. */
  @Transactional(readOnly = true)
  public List<PersonRef> refs(Caller caller, List<Long> ids) {
    Map<Long, Person> found = byId(ids);
    return ids.stream()
        .filter(found::containsKey)
        .map(found::get)
        .map(
            p ->
                Access.canRead(caller, p.ownerOrg, p.visibility)
                    ? new PersonRef(p.id, p.originalName, false)
                    : new PersonRef(p.id, p.pseudonym, true))
        .toList();
  }

  /**
   * The names a case document may carry for the search index: a person's names only where everyone
   * who may read the case may also read the person (and, for a public case, the person consented to
   * be named publicly); otherwise the pseudonym. Never contact data.
   */
  @Transactional(readOnly = true)
  public List<String> namesForIndex(List<Long> ids, String caseOwner, Visibility caseVisibility) {
    Map<Long, Person> found = byId(ids);
    List<String> names = new ArrayList<>();
    for (Long id : ids) {
      Person p = found.get(id);
      if (p == null) {
        continue;
      }
      boolean sameAudience =
          p.visibility.atLeastAsOpenAs(caseVisibility)
              && (p.ownerOrg.equals(caseOwner) || p.visibility != Visibility.ORGANISATION);
      boolean publicOk =
          caseVisibility != Visibility.PUBLIC || currentConsent(p).get(Channel.PUBLIC);
      if (sameAudience && publicOk) {
        names.addAll(p.names());
      } else {
        names.add(p.pseudonym);
      }
    }
    return names;
  }

  /**
   * The persons of {@code ids} that exist. Persons this transaction already holds are taken from it
   * without a query (a case's create checks, publishes and shows the same persons), the rest come
   * in one statement whose SQL Hibernate prepares once ({@code findAllById} builds and translates a
   * criteria query on every call: the profile of a case read showed it at 12 % of the CPU).
   */
  private Map<Long, Person> byId(List<Long> ids) {
    Map<Long, Person> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    entities
        .unwrap(Session.class)
        .byMultipleIds(Person.class)
        .enableSessionCheck(true)
        .multiLoad(ids)
        .forEach(
            p -> {
              if (p != null) {
                found.put(p.id, p);
              }
            });
    return found;
  }

  private Person readable(Caller caller, long id) {
    Access.requireContentRole(caller);
    return persons
        .findById(id)
        .filter(p -> Access.canRead(caller, p.ownerOrg, p.visibility))
        .orElseThrow(() -> ApiProblem.notFound("Person " + id));
  }

  private Person writable(Caller caller, long id) {
    Person person = readable(caller, id);
    if (!Access.canWrite(caller, person.ownerOrg)) {
      throw ApiProblem.forbidden("Only the owner organisation changes a person");
    }
    return person;
  }

  private void apply(Person person, PersonRequest request) {
    person.originalName = request.originalName().trim();
    person.spellings.clear();
    if (request.spellings() != null) {
      request.spellings().stream().map(String::trim).distinct().forEach(person.spellings::add);
    }
    person.birthYear = request.birthYear();
    person.gender = request.gender();
    person.region = request.region();
    person.occupation = request.occupation();
    person.contact = request.contact();
    person.pseudonym = request.pseudonym().trim();
    person.visibility = request.visibility();
    person.updatedAt = clock.instant();
  }

  /**
   * Documents written before they carried {@code readers} are written again at start-up, so that
   * search, which refuses a document without readers, can rebuild from the snapshot.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void publishReadersOfOlderDocuments() {
    outbox.republishWithout(
        RECORD, "readers", id -> Ids.numeric(id).flatMap(persons::findById).map(this::document));
  }

  private void changed(Caller caller, Person person, String action) {
    outbox.upsert(RECORD, String.valueOf(person.id), document(person));
    audit.record(caller, action, RECORD, String.valueOf(person.id));
    events.publishEvent(new PersonChanged(person.id));
  }

  /**
   * The search document: ACL fields and names, under the person's own visibility. A public person
   * who has not consented to public naming is indexed by pseudonym only; {@code nameForms} carries
   * all names for the name matcher only. Never contact data.
   */
  private PersonSearchDocument document(Person p) {
    Map<Channel, Boolean> consent = currentConsent(p);
    boolean named = p.visibility != Visibility.PUBLIC || consent.get(Channel.PUBLIC);
    return new PersonSearchDocument(
        p.id,
        p.ownerOrg,
        p.visibility.name(),
        Access.readers(p.ownerOrg, p.visibility),
        named ? p.names() : List.of(p.pseudonym),
        // every recorded form, unreduced: search-service keeps them apart from the public index,
        // for the name matcher that protects persons in what leaves Amicus (never shown by search)
        p.names(),
        p.pseudonym,
        p.occupation == null ? null : p.occupation.name(),
        p.region,
        p.birthYear,
        consent,
        p.demo);
  }

  private Map<Channel, Boolean> currentConsent(Person p) {
    return ConsentState.current(
        consents.findByPersonIdOrderByIdAsc(p.id).stream()
            .map(c -> new ConsentState.Decision(c.channel, c.granted, c.decidedOn, c.id))
            .toList());
  }

  private PersonView view(Caller caller, Person p) {
    List<Consent> history = consents.findByPersonIdOrderByIdAsc(p.id);
    return new PersonView(
        p.id,
        p.originalName,
        List.copyOf(p.spellings),
        p.birthYear,
        p.gender,
        p.region,
        p.occupation,
        Access.canWrite(caller, p.ownerOrg) ? p.contact : null,
        p.pseudonym,
        p.ownerOrg,
        p.visibility,
        currentConsent(p),
        history.stream()
            .map(
                c ->
                    new PersonView.ConsentEntry(
                        c.channel, c.granted, c.decidedOn, c.recordedAt, c.recordedBy))
            .toList(),
        p.demo,
        p.createdAt,
        p.updatedAt,
        p.version);
  }

  static Specification<Person> spec(Caller caller, PersonFilter f) {
    return (root, query, cb) -> {
      Where<Person> where =
          Where.readableBy(caller, root, cb)
              .equal("occupation", f.occupation())
              .equal("visibility", f.visibility())
              .equal("ownerOrg", f.ownerOrg());
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().trim().toLowerCase() + "%";
        var sub = query.subquery(Long.class);
        var sp = sub.from(Person.class);
        Join<Person, String> spelling = sp.join("spellings");
        sub.select(sp.get("id"))
            .where(cb.equal(sp.get("id"), root.get("id")), cb.like(cb.lower(spelling), like));
        where.and(
            cb.or(
                cb.like(cb.lower(root.get("originalName")), like),
                cb.like(cb.lower(root.get("pseudonym")), like),
                cb.exists(sub)));
      }
      if (f.region() != null) {
        where.and(cb.equal(cb.lower(root.get("region")), f.region().toLowerCase()));
      }
      return where.all();
    };
  }
}
