package org.amicus.workflow.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What workflow-service reads from cases-service: whether a user may read what they link (asked
 * with that user's own token, so cases-service's own rule decides), and, with the service account,
 * the persons concerned by a linked case, their spellings, pseudonym and consent to be named per
 * channel. An interface so process tests can run without cases-service.
 */
public interface CasesClient {

  /** The case, or empty when cases-service does not know it. */
  Optional<LinkedCase> findCase(long id);

  /** The person, or empty when cases-service does not know them. */
  Optional<Person> findPerson(long id);

  /**
   * The case as this user reads it, asked with the user's own access token. Empty when
   * cases-service does not know the case or does not let this user read it (404 and 403 alike):
   * callers must not tell the two apart.
   */
  Optional<LinkedCase> findCaseAs(Jwt user, long id);

  /**
   * Whether this user may read the recommendation, asked with the user's own access token; false
   * for an unknown id and an unreadable one alike.
   */
  boolean canReadRecommendation(Jwt user, long id);

  /**
   * A case as cases-service answers {@code GET /api/cases/{id}}; only what is used here.
   *
   * @param riskLevel cases-service's {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LinkedCase(long id, String reference, String riskLevel, List<PersonRef> persons) {
    public LinkedCase {
      persons = persons == null ? List.of() : List.copyOf(persons);
    }

    public List<Long> personIds() {
      return persons.stream().map(PersonRef::id).toList();
    }
  }

  /** A person concerned by a case, as the case lists them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonRef(long id) {}

  /**
   * A person as cases-service answers {@code GET /api/persons/{id}}; only what is used here.
   *
   * @param originalName the name in its original script
   * @param spellings every other spelling (transliterations)
   * @param consent per channel ({@code UN}, {@code EU}, {@code PUBLIC}): may they be named there
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Person(
      long id,
      String originalName,
      List<String> spellings,
      String pseudonym,
      Map<String, Boolean> consent) {
    public Person {
      spellings = spellings == null ? List.of() : List.copyOf(spellings);
      consent = consent == null ? Map.of() : Map.copyOf(consent);
    }

    /** Every way the name may be written: the original first. */
    public List<String> names() {
      java.util.List<String> names = new java.util.ArrayList<>();
      if (originalName != null && !originalName.isBlank()) {
        names.add(originalName);
      }
      names.addAll(spellings);
      return List.copyOf(names);
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
