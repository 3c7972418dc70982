package org.amicus.workflow.dispatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.amicus.workflow.submission.SubmissionType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

/** Writes an {@link OutgoingDocument} as Word (UPR submissions, as OHCHR asks) or PDF. */
@Component
class DocumentRenderer {

  /** Liberation Sans ships with PDFBox and covers Latin and Cyrillic names. */
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  RenderedDocument render(
      OutgoingDocument document, SubmissionType.DocumentFormat format, String baseName) {
    return switch (format) {
      case DOCX -> new RenderedDocument(baseName + ".docx", RenderedDocument.DOCX, docx(document));
      case PDF -> new RenderedDocument(baseName + ".pdf", RenderedDocument.PDF, pdf(document));
    };
  }

  /**
   * The text a reader of a rendered document sees, as read back from its bytes, so the names check
   * at dispatch looks at what actually goes out rather than at what was meant to.
   */
  String text(byte[] bytes, String mediaType) {
    try {
      return switch (mediaType) {
        case RenderedDocument.DOCX -> {
          try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(bytes));
              XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
            yield extractor.getText();
          }
        }
        case RenderedDocument.PDF -> {
          try (PDDocument pdf = Loader.loadPDF(bytes)) {
            yield new PDFTextStripper().getText(pdf);
          }
        }
        default -> throw new IllegalStateException("No text reader for " + mediaType);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the rendered document back", e);
    }
  }

  private static byte[] docx(OutgoingDocument document) {
    XWPFDocument word = new XWPFDocument();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = word.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      run(title, document.title(), true, 18);
      run(word.createParagraph(), document.kind(), false, 12);
      run(word.createParagraph(), "Submitted by", true, 12);
      for (OutgoingDocument.Submitter submitter : document.submitters()) {
        XWPFParagraph line = word.createParagraph();
        run(line, submitter.name(), true, 11);
        run(
            line,
            submitter.lead() ? " (lead organisation)" : ": " + submitter.description(),
            false,
            11);
      }
      word.createParagraph().setPageBreak(true);
      for (OutgoingDocument.Block block : document.blocks()) {
        XWPFParagraph paragraph = word.createParagraph();
        if (block.heading()) {
          run(paragraph, block.text(), true, 13);
        } else {
          run(paragraph, block.number() + ". " + block.text(), false, 11);
        }
      }
      word.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the Word document", e);
    } finally {
      // Not close(): a new document's package is backed by a buffer of POI's own, and closing saves
      // the whole package into it a second time, only to throw it away. Its bytes went out above.
      word.getPackage().revert();
    }
  }

  private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
    XWPFRun run = paragraph.createRun();
    run.setBold(bold);
    run.setFontSize(size);
    run.setText(text);
  }

  private static byte[] pdf(OutgoingDocument document) {
    try (PDDocument pdf = new PDDocument();
        InputStream fontData = DocumentRenderer.class.getResourceAsStream(FONT);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFont font = PDType0Font.load(pdf, fontData);
      PdfWriter writer = new PdfWriter(pdf, font);
      writer.line(document.title(), 18);
      writer.line(document.kind(), 12);
      writer.gap();
      writer.line("Submitted by", 12);
      for (OutgoingDocument.Submitter submitter : document.submitters()) {
        writer.paragraph(
            submitter.lead()
                ? submitter.name() + " (lead organisation)"
                : submitter.name() + ": " + submitter.description(),
            11);
      }
      writer.newPage();
      for (OutgoingDocument.Block block : document.blocks()) {
        if (block.heading()) {
          writer.gap();
          writer.paragraph(block.text(), 13);
        } else {
          writer.paragraph(block.number() + ". " + block.text(), 11);
        }
      }
      writer.close();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the PDF document", e);
    }
  }

  /** Lays out lines top to bottom, wrapping words and starting new pages as needed. */
  private static final class PdfWriter {
    private static final float MARGIN = 56;
    private final PDDocument pdf;
    private final PDFont font;
    private PDPageContentStream stream;
    private float y;

    PdfWriter(PDDocument pdf, PDFont font) throws IOException {
      this.pdf = pdf;
      this.font = font;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void gap() {
      y -= 8;
    }

    void line(String text, float size) throws IOException {
      if (y < MARGIN + size) {
        newPage();
      }
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(MARGIN, y);
      stream.showText(text);
      stream.endText();
      y -= size * 1.4f;
    }

    void paragraph(String text, float size) throws IOException {
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : text.split("\\s+")) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
          lines.add(current.toString());
          current = new StringBuilder(word);
        } else {
          current = new StringBuilder(candidate);
        }
      }
      if (!current.isEmpty()) {
        lines.add(current.toString());
      }
      for (String line : lines) {
        line(line, size);
      }
      y -= size * 0.5f;
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }
}
