package org.amicus.workflow.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionSnapshot;

/**
 * What goes out, whatever the file format: a cover naming every submitting organisation with its
 * description, then the sections with paragraphs numbered through the whole document (as OHCHR
 * asks), then the proposed recommendations. Persons without consent for the channel appear only
 * under their pseudonym.
 */
record OutgoingDocument(String title, String kind, List<Submitter> submitters, List<Block> blocks) {

  /**
   * @param description null for the lead organisation
   */
  record Submitter(String name, String description) {
    boolean lead() {
      return description == null;
    }
  }

  /** A heading (number null) or a numbered paragraph. */
  record Block(Integer number, String text) {
    boolean heading() {
      return number == null;
    }
  }

  static OutgoingDocument of(
      SubmissionSnapshot submission,
      SubmissionChecks.People people,
      DispatchProperties properties) {
    Pseudonyms pseudonyms = new Pseudonyms(people);
    SubmissionContent content = submission.content();
    List<Submitter> submitters = new ArrayList<>();
    submitters.add(new Submitter(properties.organisationName(submission.leadOrganisation()), null));
    for (SubmissionContent.CoSigner coSigner : content.coSigners()) {
      submitters.add(
          new Submitter(
              properties.organisationName(coSigner.organisation()),
              pseudonyms.apply(coSigner.description())));
    }
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (SubmissionContent.Section section : content.sections()) {
      blocks.add(new Block(null, pseudonyms.apply(section.heading())));
      for (String paragraph : paragraphs(section.text())) {
        blocks.add(new Block(++number, pseudonyms.apply(paragraph)));
      }
    }
    if (!content.proposedRecommendations().isEmpty()) {
      blocks.add(new Block(null, "Recommendations"));
      for (String recommendation : content.proposedRecommendations()) {
        blocks.add(new Block(++number, pseudonyms.apply(recommendation)));
      }
    }
    return new OutgoingDocument(
        pseudonyms.apply(content.title()), kind(submission), List.copyOf(submitters), blocks);
  }

  /** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
  static List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Pattern.compile("\\R\\s*\\R")
        .splitAsStream(text.strip())
        .map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
        .filter(p -> !p.isEmpty())
        .toList();
  }

  private static String kind(SubmissionSnapshot submission) {
    return switch (submission.type()) {
      case UPR_INDIVIDUAL -> "UPR stakeholder submission";
      case UPR_JOINT -> "Joint UPR stakeholder submission";
      case SPECIAL_PROCEDURES_URGENT_APPEAL -> "Urgent appeal to the Special Procedures";
      case SPECIAL_PROCEDURES_ALLEGATION_LETTER -> "Allegation letter to the Special Procedures";
      case WGAD_INDIVIDUAL_COMPLAINT ->
          "Individual complaint to the Working Group on Arbitrary Detention";
      case EU_BRIEFING -> "Briefing";
    };
  }

  /** Replaces every spelling of a non-consenting person's name with their pseudonym. */
  static final class Pseudonyms {
    private final List<Replacement> replacements = new ArrayList<>();

    Pseudonyms(SubmissionChecks.People people) {
      for (SubmissionChecks.NamedPerson person : people.persons()) {
        if (person.consents()) {
          continue;
        }
        for (String name : person.names()) {
          if (name != null && !name.isBlank()) {
            replacements.add(new Replacement(name.strip(), person.pseudonym()));
          }
        }
      }
      // Longest first, so "Maks Bokayev" is replaced before "Bokayev".
      replacements.sort(Comparator.comparingInt((Replacement r) -> r.name().length()).reversed());
    }

    String apply(String text) {
      if (text == null) {
        return null;
      }
      String result = text;
      for (Replacement r : replacements) {
        result =
            Pattern.compile(
                    Pattern.quote(r.name()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(result)
                .replaceAll(Matcher.quoteReplacement(r.pseudonym()));
      }
      return result;
    }

    private record Replacement(String name, String pseudonym) {}
  }
}
