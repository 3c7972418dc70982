package org.amicus.workflow.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.amicus.workflow.submission.OutgoingTexts;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionSnapshot;

/**
 * What goes out, whatever the file format: a cover naming every submitting organisation with its
 * description, then the sections with paragraphs numbered through the whole document (as OHCHR
 * asks), then the proposed recommendations. Persons without consent for where it goes appear only
 * under their pseudonym, or as "[name withheld]" where a name may be several persons'.
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
    Pseudonyms pseudonyms = new Pseudonyms(people.spans());
    SubmissionContent content = submission.content();
    List<Submitter> submitters = new ArrayList<>();
    submitters.add(new Submitter(properties.organisationName(submission.leadOrganisation()), null));
    for (int i = 0; i < content.coSigners().size(); i++) {
      SubmissionContent.CoSigner coSigner = content.coSigners().get(i);
      submitters.add(
          new Submitter(
              properties.organisationName(coSigner.organisation()),
              pseudonyms.apply(OutgoingTexts.coSignerDescription(i), coSigner.description())));
    }
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (int i = 0; i < content.sections().size(); i++) {
      SubmissionContent.Section section = content.sections().get(i);
      blocks.add(
          new Block(null, pseudonyms.apply(OutgoingTexts.sectionHeading(i), section.heading())));
      // Names are replaced in the whole text first: the spans' offsets are the text's.
      for (String paragraph :
          paragraphs(pseudonyms.apply(OutgoingTexts.sectionText(i), section.text()))) {
        blocks.add(new Block(++number, paragraph));
      }
    }
    if (!content.proposedRecommendations().isEmpty()) {
      blocks.add(new Block(null, "Recommendations"));
      for (int i = 0; i < content.proposedRecommendations().size(); i++) {
        blocks.add(
            new Block(
                ++number,
                pseudonyms.apply(
                    OutgoingTexts.proposedRecommendation(i),
                    content.proposedRecommendations().get(i))));
      }
    }
    return new OutgoingDocument(
        pseudonyms.apply(OutgoingTexts.TITLE, content.title()),
        kind(submission),
        List.copyOf(submitters),
        blocks);
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

  /**
   * Replaces each place the name matcher found naming a person without consent: by that person's
   * pseudonym when the place can name only them, by a neutral {@value #WITHHELD} when it may name
   * several persons (two brothers sharing a surname) or a person without a pseudonym. A place that
   * names only consenting persons stays as written.
   */
  static final class Pseudonyms {

    static final String WITHHELD = "[name withheld]";

    private final Map<String, List<SubmissionChecks.NamedSpan>> byField = new HashMap<>();

    Pseudonyms(List<SubmissionChecks.NamedSpan> spans) {
      for (SubmissionChecks.NamedSpan span : spans) {
        byField.computeIfAbsent(span.field(), f -> new ArrayList<>()).add(span);
      }
      byField
          .values()
          .forEach(l -> l.sort(Comparator.comparingInt(SubmissionChecks.NamedSpan::start)));
    }

    /** What goes out for a span, or null when it stays as written. */
    static String replacement(SubmissionChecks.NamedSpan span) {
      if (!span.protectedName()) {
        return null;
      }
      if (span.candidates().size() == 1) {
        String pseudonym = span.candidates().get(0).pseudonym();
        if (pseudonym != null && !pseudonym.isBlank()) {
          return pseudonym.strip();
        }
      }
      return WITHHELD;
    }

    /** The field's text as it goes out. */
    String apply(String field, String text) {
      if (text == null) {
        return null;
      }
      List<SubmissionChecks.NamedSpan> spans = byField.getOrDefault(field, List.of());
      StringBuilder out = new StringBuilder(text.length());
      int at = 0;
      for (SubmissionChecks.NamedSpan span : spans) {
        if (span.start() < at || span.end() > text.length() || span.start() >= span.end()) {
          // The spans were found in another text: sending this one could name someone.
          throw new IllegalStateException(
              "The names found in %s do not fit its text (%d-%d)"
                  .formatted(field, span.start(), span.end()));
        }
        String replacement = replacement(span);
        out.append(text, at, span.start());
        out.append(replacement == null ? text.substring(span.start(), span.end()) : replacement);
        at = span.end();
      }
      out.append(text, at, text.length());
      return out.toString();
    }
  }
}
