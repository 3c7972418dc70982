package org.amicus.workflow.submission;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.amicus.workflow.cases.CasesClient;
import org.amicus.workflow.names.NamesClient;
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
  private final NamesClient names;
  private final Clock clock;

  SubmissionChecks(CasesClient cases, NamesClient names, Clock clock) {
    this.cases = cases;
    this.names = names;
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

  /**
   * Who the outgoing texts name and whether each may be named, for the outgoing document; throws
   * the same problems as {@link #check} when a name cannot be decided.
   */
  public People people(SubmissionSnapshot submission) {
    List<FieldError> errors = new ArrayList<>();
    People people = people(submission, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return people;
  }

  private People people(SubmissionSnapshot submission, List<FieldError> errors) {
    Map<Long, Optional<CasesClient.Person>> known = new HashMap<>();
    Set<Long> linked = new LinkedHashSet<>();
    List<Long> caseIds = submission.content().caseIds();
    try {
      for (int i = 0; i < caseIds.size(); i++) {
        Optional<CasesClient.LinkedCase> linkedCase = cases.findCase(caseIds.get(i));
        if (linkedCase.isEmpty()) {
          errors.add(new FieldError("caseIds[" + i + "]", SubmissionLinks.NOT_A_READABLE_CASE));
          continue;
        }
        for (Long personId : linkedCase.get().personIds()) {
          if (!linked.add(personId)) {
            continue;
          }
          Optional<CasesClient.Person> person = person(personId, known);
          if (person.isEmpty()) {
            continue;
          }
          CasesClient.Person p = person.get();
          if (!consents(p, submission) && !hasPseudonym(p)) {
            // No name here: the message goes back to the caller and may end up in logs.
            errors.add(
                new FieldError(
                    "caseIds[" + i + "]",
                    "concerns a person without consent to be named to the "
                        + consentNeeded(submission)
                        + " and without a pseudonym; record either in the case first"));
          }
        }
      }
      Named named = named(submission, linked, OutgoingTexts.of(submission.content()), known);
      List<NameWarning> warnings = new ArrayList<>();
      for (NamesClient.Place place : named.undecidable()) {
        errors.add(
            new FieldError(
                place.field(),
                "at %d-%d looks like the name of a protected person but cannot be matched with"
                        .formatted(place.start(), place.end())
                    + " certainty; write the name as recorded or leave it out"));
      }
      for (NamedSpan span : named.spans()) {
        if (span.candidates().size() == 1
            && span.protectedName()
            && !hasText(span.candidates().get(0).pseudonym())) {
          errors.add(
              new FieldError(
                  span.field(),
                  "at %d-%d names a person without consent to be named to the %s and without a"
                          .formatted(span.start(), span.end(), consentNeeded(submission))
                      + " pseudonym; record either in their case first"));
        }
        if (span.candidates().stream().noneMatch(Candidate::linked)) {
          warnings.add(
              new NameWarning(
                  span.field(),
                  span.start(),
                  span.end(),
                  "names a person of none of the linked cases; they are protected like the"
                      + " persons of linked cases: link their case"));
        }
      }
      return new People(List.copyOf(linked), named.spans(), List.copyOf(warnings));
    } catch (CasesClient.Unavailable e) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "The linked cases cannot be checked right now; nothing was changed. Try again later.");
    } catch (NamesClient.Unavailable e) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "The names in the text cannot be checked right now; nothing was changed. Try again"
              + " later.");
    }
  }

  /**
   * Where the given texts name persons the lead organisation can read, or persons of the linked
   * cases, with each candidate's consent for where this submission goes. Used again at dispatch on
   * the rendered document.
   *
   * @throws NamesClient.Unavailable when search-service cannot answer
   * @throws CasesClient.Unavailable when cases-service cannot answer
   */
  public Named named(
      SubmissionSnapshot submission,
      Collection<Long> linkedPersonIds,
      List<NamesClient.Text> texts) {
    return named(submission, linkedPersonIds, texts, new HashMap<>());
  }

  private Named named(
      SubmissionSnapshot submission,
      Collection<Long> linkedPersonIds,
      List<NamesClient.Text> texts,
      Map<Long, Optional<CasesClient.Person>> known) {
    if (texts.isEmpty()) {
      return new Named(List.of(), List.of());
    }
    NamesClient.Matches matches =
        names.matches(submission.leadOrganisation(), linkedPersonIds, texts);
    List<NamedSpan> spans = new ArrayList<>();
    for (NamesClient.Span span : matches.spans()) {
      List<Candidate> candidates = new ArrayList<>();
      for (Long id : span.personIds()) {
        // Consent comes from cases-service, the source of truth, never from search.
        Optional<CasesClient.Person> person = person(id, known);
        candidates.add(
            new Candidate(
                id,
                person.map(CasesClient.Person::pseudonym).orElse(null),
                person.map(p -> consents(p, submission)).orElse(false),
                linkedPersonIds.contains(id)));
      }
      if (candidates.isEmpty()) {
        // A name of nobody known is still a name: protect it.
        candidates.add(new Candidate(-1, null, false, false));
      }
      spans.add(new NamedSpan(span.field(), span.start(), span.end(), List.copyOf(candidates)));
    }
    return new Named(List.copyOf(spans), matches.undecidable());
  }

  /**
   * How many of these persons may no longer be named where the submission goes, asked of
   * cases-service now; a person it no longer knows counts as one.
   *
   * @throws CasesClient.Unavailable when cases-service cannot answer
   */
  public long withdrawnConsent(SubmissionSnapshot submission, Collection<Long> personIds) {
    return personIds.stream()
        .filter(id -> cases.findPerson(id).map(p -> !consents(p, submission)).orElse(true))
        .count();
  }

  private Optional<CasesClient.Person> person(
      long id, Map<Long, Optional<CasesClient.Person>> known) {
    return known.computeIfAbsent(id, cases::findPerson);
  }

  /**
   * May they be named where this submission goes: its channel, and publicly as well when the target
   * publishes what it receives (OHCHR publishes UPR stakeholder submissions).
   */
  private static boolean consents(CasesClient.Person person, SubmissionSnapshot submission) {
    return person.consents(submission.type().channel().name())
        && (!submission.target().publishes()
            || person.consents(SubmissionType.Channel.PUBLIC.name()));
  }

  private static String consentNeeded(SubmissionSnapshot submission) {
    String channel = submission.type().channel().name();
    return submission.target().publishes() ? channel + " and in public" : channel;
  }

  private static boolean hasPseudonym(CasesClient.Person person) {
    return hasText(person.pseudonym());
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }

  private static String number(int n) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(n);
  }

  /**
   * Who the submission's texts name.
   *
   * @param linkedPersonIds the persons of the linked cases
   * @param spans every place in the outgoing texts that names a person
   * @param warnings persons named who are in none of the linked cases, by place only
   */
  public record People(
      List<Long> linkedPersonIds, List<NamedSpan> spans, List<NameWarning> warnings) {

    /** Whether the text names at least one person (the review policy asks more then). */
    public boolean namesPeople() {
      return !spans.isEmpty();
    }
  }

  /** What the name matcher found, with consent per candidate. */
  public record Named(List<NamedSpan> spans, List<NamesClient.Place> undecidable) {}

  /**
   * A place that names a person, or one of several persons who share that form.
   *
   * @param start first char of the name in the field's text
   * @param end one past its last char
   */
  public record NamedSpan(String field, int start, int end, List<Candidate> candidates) {

    /** Whether someone it may be has not consented to be named where the submission goes. */
    public boolean protectedName() {
      return candidates.stream().anyMatch(c -> !c.consents());
    }
  }

  /**
   * A person a span may name.
   *
   * @param consents whether they may be named where the submission goes (channel, and public when
   *     the target publishes)
   * @param linked whether they are a person of one of the linked cases
   */
  public record Candidate(long id, String pseudonym, boolean consents, boolean linked) {}

  /**
   * A person named in the text who is in none of the linked cases: protected all the same, and told
   * to the author by place, never by name.
   */
  public record NameWarning(String field, int start, int end, String message) {}
}
