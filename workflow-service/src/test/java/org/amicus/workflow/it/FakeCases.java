package org.amicus.workflow.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.amicus.workflow.cases.CasesClient;

/**
 * cases-service as the submission checks see it, in memory: cases-service is another service (built
 * in parallel), not one of the real dependencies the integration tests run against.
 */
class FakeCases implements CasesClient {

  private final Map<UUID, LinkedCase> cases = new ConcurrentHashMap<>();
  private final Map<UUID, Person> persons = new ConcurrentHashMap<>();

  /** A case concerning one person; returns the case id. */
  UUID caseOf(List<String> names, String pseudonym, boolean consentUn) {
    UUID personId = UUID.randomUUID();
    persons.put(
        personId,
        new Person(
            personId, names, pseudonym, Map.of("UN", consentUn, "EU", false, "PUBLIC", false)));
    UUID caseId = UUID.randomUUID();
    cases.put(
        caseId,
        new LinkedCase(caseId, "KZ-2019-" + caseId.toString().substring(0, 4), List.of(personId)));
    return caseId;
  }

  @Override
  public Optional<LinkedCase> findCase(UUID id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public Optional<Person> findPerson(UUID id) {
    return Optional.ofNullable(persons.get(id));
  }
}
