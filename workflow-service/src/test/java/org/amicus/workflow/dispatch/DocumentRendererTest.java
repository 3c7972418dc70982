package org.amicus.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.amicus.workflow.submission.SubmissionType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The Word document that goes out opens in a word processor and reads as it was laid out. */
class DocumentRendererTest {

  private final DocumentRenderer renderer = new DocumentRenderer();

  private final OutgoingDocument document =
      new OutgoingDocument(
          "Reprisals against lawyers",
          "Stakeholder submission to the Universal Periodic Review",
          List.of(
              new OutgoingDocument.Submitter("Open Dialogue Foundation", null),
              new OutgoingDocument.Submitter("Kharkiv Institute", "Партнёр по делу Lawyer A.")),
          List.of(
              new OutgoingDocument.Block(null, "Findings"),
              new OutgoingDocument.Block(1, "Lawyer A. was disbarred in 2021.")));

  @Test
  void aWordDocumentOpensWithItsParagraphsInOrderAndReadsBackAsWritten() throws Exception {
    RenderedDocument rendered =
        renderer.render(document, SubmissionType.DocumentFormat.DOCX, "upr-individual-1234abcd-r1");

    assertThat(rendered.fileName()).isEqualTo("upr-individual-1234abcd-r1.docx");
    assertThat(rendered.mediaType()).isEqualTo(RenderedDocument.DOCX);
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(rendered.bytes()))) {
      assertThat(word.getParagraphs())
          .extracting(XWPFParagraph::getText)
          .containsExactly(
              "Reprisals against lawyers",
              "Stakeholder submission to the Universal Periodic Review",
              "Submitted by",
              "Open Dialogue Foundation (lead organisation)",
              "Kharkiv Institute: Партнёр по делу Lawyer A.",
              "",
              "Findings",
              "1. Lawyer A. was disbarred in 2021.");
    }
    assertThat(renderer.text(rendered.bytes(), rendered.mediaType()))
        .contains("Kharkiv Institute: Партнёр по делу Lawyer A.")
        .contains("1. Lawyer A. was disbarred in 2021.");
  }

  @Test
  void everyWordDocumentIsComplete() {
    // Rendered one after the other, as review cycles do: none is cut short or mixed with another.
    for (int i = 0; i < 3; i++) {
      RenderedDocument rendered =
          renderer.render(document, SubmissionType.DocumentFormat.DOCX, "upr-individual-r" + i);
      assertThat(renderer.text(rendered.bytes(), rendered.mediaType()))
          .contains("Reprisals against lawyers", "1. Lawyer A. was disbarred in 2021.");
    }
  }
}
