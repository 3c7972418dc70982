package org.amicus.workflow.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.amicus.workflow.cases.CasesClient;

/**
 * cases-service as the submission checks see it, in memory: cases-service is another service (built
 * in parallel), not one of the real dependencies the integration tests run against.
 */
class FakeCases implements CasesClient {

  private final Map<Long, LinkedCase> cases = new ConcurrentHashMap<>();
  private final Map<Long, Person> persons = new ConcurrentHashMap<>();

  private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());

  /** A case concerning one person (original name first); returns the case id. */
  long caseOf(List<String> names, String pseudonym, boolean consentUn) {
    return caseOf(person(names, pseudonym, consentUn, false));
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

  /** A case concerning one known person; returns the case id. */
  long caseOf(long personId) {
    long caseId = ids.incrementAndGet();
    cases.put(
        caseId, new LinkedCase(caseId, "KZ-2019-" + caseId, List.of(new PersonRef(personId))));
    return caseId;
  }

  /** Every person recorded here, for the name matcher's double. */
  Map<Long, Person> persons() {
    return Map.copyOf(persons);
  }

  @Override
  public Optional<LinkedCase> findCase(long id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public Optional<Person> findPerson(long id) {
    return Optional.ofNullable(persons.get(id));
  }
}
