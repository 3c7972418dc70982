package org.amicus.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.workflow.submission.SubmissionChecks.Candidate;
import org.amicus.workflow.submission.SubmissionChecks.NamedSpan;
import org.amicus.workflow.submission.SubmissionChecks.People;
import org.amicus.workflow.submission.SubmissionContent;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.amicus.workflow.submission.SubmissionType;
import org.junit.jupiter.api.Test;

/**
 * What the outgoing document shows for each place the name matcher found, with the forms real
 * submissions use: surname alone, capitals, a Russian ending, Cyrillic, a possessive, the full name
 * in either order. The spans are given here as search-service answers them.
 */
class OutgoingDocumentTest {

  private static final Candidate MUKHTAR = new Candidate(12, "Businessman M.", false, true);
  private static final Candidate ERLAN = new Candidate(13, "Brother E.", false, true);
  private static final Candidate CONSENTING = new Candidate(14, "Lawyer A.", true, true);

  private final DispatchProperties properties =
      new DispatchProperties(null, Map.of(), Map.of("odf", "Open Dialogue Foundation"), null);

  @Test
  void everyFormOfAPersonWithoutConsentBecomesTheirPseudonymWhereverItStands() {
    SubmissionContent content =
        content(
            "DZHAKISHEV: a case of reprisal",
            "Партнёр по делу Джакишева",
            List.of(
                new SubmissionContent.Section(
                    "Mukhtar Dzhakishev's detention",
                    "Dzhakishev Mukhtar was arrested in 2009.\n\nСуд приговорил Джакишева к"
                        + " 14 годам.")),
            List.of("Release Jakishev."));
    People people =
        people(
            span("title", content.title(), "DZHAKISHEV", MUKHTAR),
            span("coSigners[0].description", description(content), "Джакишева", MUKHTAR),
            span("sections[0].heading", heading(content), "Mukhtar Dzhakishev's", MUKHTAR),
            span("sections[0].text", text(content), "Dzhakishev Mukhtar", MUKHTAR),
            span("sections[0].text", text(content), "Джакишева", MUKHTAR),
            span("proposedRecommendations[0]", "Release Jakishev.", "Jakishev", MUKHTAR));

    OutgoingDocument document = OutgoingDocument.of(upr(content), people, properties);

    assertThat(document.title()).isEqualTo("Businessman M.: a case of reprisal");
    assertThat(document.submitters().get(1).description())
        .isEqualTo("Партнёр по делу Businessman M.");
    assertThat(document.blocks())
        .extracting(OutgoingDocument.Block::text)
        .containsExactly(
            "Businessman M. detention",
            "Businessman M. was arrested in 2009.",
            "Суд приговорил Businessman M. к 14 годам.",
            "Recommendations",
            "Release Businessman M..");
    assertThat(String.join(" ", all(document)))
        .doesNotContainIgnoringCase("Dzhakishev")
        .doesNotContainIgnoringCase("Джакишев")
        .doesNotContainIgnoringCase("Jakishev")
        .doesNotContain("Mukhtar");
  }

  @Test
  void aSurnameTwoBrothersShareIsWithheldAndEachFullNameIsThatBrothersPseudonym() {
    String text =
        "Mukhtar Dzhakishev and Erlan Dzhakishev were detained; the Dzhakishevs appealed.";
    SubmissionContent content =
        content(
            "Reprisals", null, List.of(new SubmissionContent.Section("Brothers", text)), List.of());
    People people =
        people(
            span("sections[0].text", text, "Mukhtar Dzhakishev", MUKHTAR),
            span("sections[0].text", text, "Erlan Dzhakishev", ERLAN),
            span("sections[0].text", text, "Dzhakishevs", MUKHTAR, ERLAN));

    OutgoingDocument document = OutgoingDocument.of(upr(content), people, properties);

    assertThat(document.blocks().get(1).text())
        .isEqualTo("Businessman M. and Brother E. were detained; the [name withheld] appealed.");
  }

  @Test
  void aFormSharedWithAConsentingPersonIsStillWithheld() {
    String text = "Nurtayev's son is defended by Aigul Nurtayeva.";
    SubmissionContent content =
        content(
            "Lawyers", null, List.of(new SubmissionContent.Section("Lawyers", text)), List.of());
    People people =
        people(
            span("sections[0].text", text, "Aigul Nurtayeva", CONSENTING),
            span("sections[0].text", text, "Nurtayev's", CONSENTING, MUKHTAR));

    OutgoingDocument document = OutgoingDocument.of(upr(content), people, properties);

    assertThat(document.blocks().get(1).text())
        .isEqualTo("[name withheld] son is defended by Aigul Nurtayeva.");
  }

  @Test
  void aPersonWithoutConsentAndWithoutPseudonymIsWithheldNeverNamed() {
    Candidate unnamed = new Candidate(20, " ", false, false);
    String text = "Saparov was beaten.";
    SubmissionContent content =
        content(
            "Torture", null, List.of(new SubmissionContent.Section("Torture", text)), List.of());

    OutgoingDocument document =
        OutgoingDocument.of(
            upr(content), people(span("sections[0].text", text, "Saparov", unnamed)), properties);

    assertThat(document.blocks().get(1).text()).isEqualTo("[name withheld] was beaten.");
  }

  @Test
  void spansThatDoNotFitTheTextStopTheDocumentRatherThanSendIt() {
    SubmissionContent content =
        content("Short", null, List.of(new SubmissionContent.Section("H", "Text.")), List.of());
    People people =
        new People(
            List.of(12L), List.of(new NamedSpan("title", 3, 40, List.of(MUKHTAR))), List.of());

    assertThatThrownBy(() -> OutgoingDocument.of(upr(content), people, properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("title")
        .hasMessageNotContaining("Short");
  }

  // ---- helpers

  private static NamedSpan span(String field, String text, String form, Candidate... candidates) {
    int start = text.indexOf(form);
    assertThat(start).as("test data: the form is in the text").isNotNegative();
    return new NamedSpan(field, start, start + form.length(), List.of(candidates));
  }

  private static People people(NamedSpan... spans) {
    return new People(List.of(12L, 13L, 14L), List.of(spans), List.of());
  }

  private static SubmissionContent content(
      String title,
      String coSignerDescription,
      List<SubmissionContent.Section> sections,
      List<String> proposals) {
    return new SubmissionContent(
        title,
        "en",
        LocalDate.of(2027, 3, 1),
        null,
        coSignerDescription == null
            ? List.of()
            : List.of(new SubmissionContent.CoSigner("fidu", coSignerDescription)),
        sections,
        List.of(1L),
        List.of(),
        proposals);
  }

  private static String description(SubmissionContent content) {
    return content.coSigners().get(0).description();
  }

  private static String heading(SubmissionContent content) {
    return content.sections().get(0).heading();
  }

  private static String text(SubmissionContent content) {
    return content.sections().get(0).text();
  }

  private static SubmissionSnapshot upr(SubmissionContent content) {
    return new SubmissionSnapshot(
        UUID.randomUUID(),
        SubmissionType.UPR_JOINT,
        SubmissionType.Target.OHCHR_UPR,
        "odf",
        SubmissionStatus.APPROVED,
        3,
        content,
        null,
        "anna",
        Instant.EPOCH,
        Instant.EPOCH,
        1);
  }

  private static List<String> all(OutgoingDocument document) {
    List<String> texts = new ArrayList<>();
    texts.add(document.title());
    document.submitters().forEach(s -> texts.add(String.valueOf(s.description())));
    document.blocks().forEach(b -> texts.add(b.text()));
    return texts;
  }
}
