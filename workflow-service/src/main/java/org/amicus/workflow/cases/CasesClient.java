package org.amicus.workflow.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What workflow-service reads from cases-service: the persons concerned by a linked case, their
 * spellings, pseudonym and consent to be named per channel. An interface so process tests can run
 * without cases-service.
 */
public interface CasesClient {

  /** The case, or empty when cases-service does not know it. */
  Optional<LinkedCase> findCase(UUID id);

  /** The person, or empty when cases-service does not know them. */
  Optional<Person> findPerson(UUID id);

  record LinkedCase(UUID id, String reference, List<UUID> personIds) {
    public LinkedCase {
      personIds = personIds == null ? List.of() : List.copyOf(personIds);
    }
  }

  /**
   * @param names every spelling of the name (original script first)
   * @param consent per channel ({@code UN}, {@code EU}, {@code PUBLIC}): may they be named there
   */
  record Person(UUID id, List<String> names, String pseudonym, Map<String, Boolean> consent) {
    public Person {
      names = names == null ? List.of() : List.copyOf(names);
      consent = consent == null ? Map.of() : Map.copyOf(consent);
    }

    public boolean consents(String channel) {
      return Boolean.TRUE.equals(consent.get(channel));
    }
  }

  /** cases-service could not be reached or answered with an error. */
  class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
