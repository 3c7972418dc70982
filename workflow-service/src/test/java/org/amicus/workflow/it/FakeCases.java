package org.amicus.workflow.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.workflow.cases.CasesClient;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * cases-service as the submission checks see it, in memory: cases-service is another service (built
 * in parallel), not one of the real dependencies the integration tests run against. A user reads a
 * case as cases-service decides (Access.canRead): partners and coordinators of the owner always,
 * everyone's staff unless the case is visible to its organisation only; recommendations are read by
 * every partner and coordinator. The service account reads everything.
 */
class FakeCases implements CasesClient {

  /** A case, whose organisation owns it and who else sees it. */
  private record StoredCase(LinkedCase linked, String ownerOrg, boolean organisationOnly) {}

  private final Map<Long, StoredCase> cases = new ConcurrentHashMap<>();
  private final Map<Long, Person> persons = new ConcurrentHashMap<>();
  private final Set<Long> recommendations = ConcurrentHashMap.newKeySet();

  private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());

  /**
   * A low-risk case of odf's, shared with the coalition, concerning one person (original name
   * first); returns the case id.
   */
  long caseOf(List<String> names, String pseudonym, boolean consentUn) {
    return caseOf(names, pseudonym, consentUn, "odf", false, "LOW");
  }

  /**
   * A case concerning one person.
   *
   * @param organisationOnly visibility ORGANISATION: only the owner's staff read it
   * @param riskLevel LOW, MEDIUM, HIGH or CRITICAL
   */
  long caseOf(
      List<String> names,
      String pseudonym,
      boolean consentUn,
      String ownerOrg,
      boolean organisationOnly,
      String riskLevel) {
    return caseOf(
        person(names, pseudonym, consentUn, false), ownerOrg, organisationOnly, riskLevel);
  }

  /** A person in no case yet (original name first); returns the person id. */
  long person(List<String> names, String pseudonym, boolean consentUn, boolean consentPublic) {
    long personId = ids.incrementAndGet();
    persons.put(
        personId,
        new Person(
            personId,
            names.get(0),
            names.subList(1, names.size()),
            pseudonym,
            Map.of("UN", consentUn, "EU", false, "PUBLIC", consentPublic)));
    return personId;
  }

  /** A low-risk case of odf's, shared with the coalition, concerning one known person. */
  long caseOf(long personId) {
    return caseOf(personId, "odf", false, "LOW");
  }

  private long caseOf(long personId, String ownerOrg, boolean organisationOnly, String riskLevel) {
    long caseId = ids.incrementAndGet();
    cases.put(
        caseId,
        new StoredCase(
            new LinkedCase(
                caseId, "KZ-2019-" + caseId, riskLevel, List.of(new PersonRef(personId))),
            ownerOrg,
            organisationOnly));
    return caseId;
  }

  /** A UPR recommendation; returns its id. */
  long recommendation() {
    long id = ids.incrementAndGet();
    recommendations.add(id);
    return id;
  }

  /** The case's owner judges its risk anew. */
  void riskLevel(long caseId, String riskLevel) {
    cases.computeIfPresent(
        caseId,
        (id, c) ->
            new StoredCase(
                new LinkedCase(id, c.linked().reference(), riskLevel, c.linked().persons()),
                c.ownerOrg(),
                c.organisationOnly()));
  }

  /** The person gives or withdraws consent to be named on a channel (UN, EU or PUBLIC). */
  void consent(long personId, String channel, boolean given) {
    persons.computeIfPresent(
        personId,
        (id, p) -> {
          Map<String, Boolean> consent = new java.util.HashMap<>(p.consent());
          consent.put(channel, given);
          return new Person(id, p.originalName(), p.spellings(), p.pseudonym(), consent);
        });
  }

  /** The owner makes the case visible to its own organisation only. */
  void makePrivate(long caseId) {
    cases.computeIfPresent(caseId, (id, c) -> new StoredCase(c.linked(), c.ownerOrg(), true));
  }

  /** The case is deleted. */
  void remove(long caseId) {
    cases.remove(caseId);
  }

  /** An id nothing has. */
  long unknownId() {
    return ids.incrementAndGet();
  }

  /** Every person recorded here, for the name matcher's double. */
  Map<Long, Person> persons() {
    return Map.copyOf(persons);
  }

  @Override
  public Optional<LinkedCase> findCase(long id) {
    return Optional.ofNullable(cases.get(id)).map(StoredCase::linked);
  }

  @Override
  public Optional<Person> findPerson(long id) {
    return Optional.ofNullable(persons.get(id));
  }

  @Override
  public Optional<LinkedCase> findCaseAs(Jwt user, long id) {
    Caller caller = Caller.from(user);
    return Optional.ofNullable(cases.get(id))
        .filter(c -> staff(caller) && (caller.memberOf(c.ownerOrg()) || !c.organisationOnly()))
        .map(StoredCase::linked);
  }

  @Override
  public boolean canReadRecommendation(Jwt user, long id) {
    return staff(Caller.from(user)) && recommendations.contains(id);
  }

  private static boolean staff(Caller caller) {
    return caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR);
  }
}
