package org.amicus.workflow.submission;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.amicus.workflow.cases.CasesClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks a submission must pass before it goes to review (and again when it is resubmitted),
 * each failure named by field. Also works out who the submission names and how each must appear in
 * the outgoing document.
 */
@Component
public class SubmissionChecks {

  private final CasesClient cases;
  private final Clock clock;

  SubmissionChecks(CasesClient cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** Throws a 400 naming every failed check; otherwise returns the people the text names. */
  public People check(SubmissionSnapshot submission) {
    List<FieldError> errors = new ArrayList<>();
    SubmissionContent content = submission.content();
    SubmissionType type = submission.type();
    if (content.sections().isEmpty()) {
      errors.add(new FieldError("sections", "a submission needs at least one section"));
    }
    int words = WordCount.of(content);
    type.wordLimit()
        .ifPresent(
            limit -> {
              if (words > limit) {
                errors.add(
                    new FieldError(
                        "sections",
                        "has %s words; %s accepts at most %s for this type"
                            .formatted(number(words), submission.target(), number(limit))));
              }
            });
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (content.deadline() == null) {
      errors.add(new FieldError("deadline", "is required before the submission goes to review"));
    } else if (content.deadline().isBefore(today)) {
      errors.add(new FieldError("deadline", "passed on " + content.deadline()));
    }
    if (type.requiresCoSigners() && content.coSigners().isEmpty()) {
      errors.add(
          new FieldError(
              "coSigners", "a joint submission needs at least one co-signing organisation"));
    }
    People people = people(submission, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return people;
  }

  /** The persons of the linked cases, as the outgoing document must show them. */
  public People people(SubmissionSnapshot submission) {
    List<FieldError> errors = new ArrayList<>();
    People people = people(submission, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return people;
  }

  private People people(SubmissionSnapshot submission, List<FieldError> errors) {
    String channel = submission.type().channel().name();
    Map<Long, NamedPerson> persons = new LinkedHashMap<>();
    List<Long> caseIds = submission.content().caseIds();
    try {
      for (int i = 0; i < caseIds.size(); i++) {
        Optional<CasesClient.LinkedCase> linked = cases.findCase(caseIds.get(i));
        if (linked.isEmpty()) {
          errors.add(new FieldError("caseIds[" + i + "]", SubmissionLinks.NOT_A_READABLE_CASE));
          continue;
        }
        for (Long personId : linked.get().personIds()) {
          if (persons.containsKey(personId)) {
            continue;
          }
          Optional<CasesClient.Person> person = cases.findPerson(personId);
          if (person.isEmpty()) {
            continue;
          }
          CasesClient.Person p = person.get();
          boolean consents = p.consents(channel);
          boolean hasPseudonym = p.pseudonym() != null && !p.pseudonym().isBlank();
          if (!consents && !hasPseudonym) {
            // No name here: the message goes back to the caller and may end up in logs.
            errors.add(
                new FieldError(
                    "caseIds[" + i + "]",
                    "concerns a person without consent to be named to the "
                        + channel
                        + " and without a pseudonym; record either in the case first"));
          }
          persons.put(personId, new NamedPerson(personId, p.names(), p.pseudonym(), consents));
        }
      }
    } catch (CasesClient.Unavailable e) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "The linked cases cannot be checked right now; nothing was changed. Try again later.");
    }
    String text = text(submission.content()).toLowerCase(Locale.ROOT);
    boolean named =
        persons.values().stream()
            .flatMap(p -> p.names().stream())
            .filter(n -> n != null && !n.isBlank())
            .anyMatch(n -> text.contains(n.toLowerCase(Locale.ROOT)));
    return new People(List.copyOf(persons.values()), named);
  }

  static String text(SubmissionContent content) {
    return Stream.concat(
            content.sections().stream().flatMap(s -> Stream.of(s.heading(), s.text())),
            content.proposedRecommendations().stream())
        .collect(Collectors.joining("\n"));
  }

  private static String number(int n) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(n);
  }

  /**
   * The persons a submission concerns.
   *
   * @param namesPeople whether the text names at least one of them
   */
  public record People(List<NamedPerson> persons, boolean namesPeople) {}

  /**
   * @param consents whether they may be named on the submission's channel; if not, every spelling
   *     of their name is replaced by the pseudonym in the outgoing document
   */
  public record NamedPerson(long id, List<String> names, String pseudonym, boolean consents) {}
}
