package org.amicus.cases.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ContentCheckTest {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

  static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] openDocument(String mimetype) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void acceptsWhatTheBytesConfirm() throws IOException {
    assertThat(ContentCheck.problem("application/pdf", PDF)).isEmpty();
    assertThat(ContentCheck.problem("image/png", PNG)).isEmpty();
    assertThat(
            ContentCheck.problem(
                "image/jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .isEmpty();
    assertThat(
            ContentCheck.problem(
                "text/plain; charset=UTF-8",
                "Джакишев Мухтар, arrested 2009\n".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(
            ContentCheck.problem(
                ContentCheck.DOCX, zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
        .isEmpty();
    assertThat(ContentCheck.problem(ContentCheck.ODT, openDocument(ContentCheck.ODT))).isEmpty();
  }

  @Test
  void theDeclaredTypeMustMatchTheBytes() {
    assertThat(ContentCheck.problem("image/png", PDF))
        .hasValue("is declared as image/png but its content is application/pdf");
    assertThat(ContentCheck.problem(null, PDF)).isPresent();
    assertThat(ContentCheck.problem("application/octet-stream", PDF).orElseThrow())
        .contains("not accepted");
  }

  @Test
  void refusesWhatCouldRun() throws IOException {
    assertThat(ContentCheck.problem("application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0}))
        .hasValueSatisfying(p -> assertThat(p).contains("executable"));
    assertThat(ContentCheck.problem("text/plain", "#!/bin/sh\nrm -rf /\n".getBytes()))
        .hasValueSatisfying(p -> assertThat(p).contains("script"));
    assertThat(
            ContentCheck.problem(
                "text/plain", "  <!DOCTYPE html><p>hello</p>".getBytes(StandardCharsets.UTF_8)))
        .hasValueSatisfying(p -> assertThat(p).contains("markup"));
    assertThat(
            ContentCheck.problem(
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8)))
        .hasValueSatisfying(p -> assertThat(p).contains("markup"));
    assertThat(
            ContentCheck.problem(
                ContentCheck.DOCX,
                zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
        .hasValueSatisfying(p -> assertThat(p).contains("macros"));
    assertThat(ContentCheck.problem("application/zip", zip("a.exe")))
        .hasValueSatisfying(p -> assertThat(p).contains("archives"));
    assertThat(
            ContentCheck.problem(
                "application/msword",
                new byte[] {
                  (byte) 0xD0,
                  (byte) 0xCF,
                  0x11,
                  (byte) 0xE0,
                  (byte) 0xA1,
                  (byte) 0xB1,
                  0x1A,
                  (byte) 0xE1
                }))
        .hasValueSatisfying(p -> assertThat(p).contains("macros"));
    assertThat(ContentCheck.problem("text/plain", new byte[] {0, 1, 2, (byte) 0xFF}))
        .hasValueSatisfying(p -> assertThat(p).contains("does not recognise"));
  }

  @Test
  void fileNamesLoseTheirPathAndAnythingUnsafeInAHeader() {
    assertThat(DocumentService.fileName("C:\\Users\\a\\Решение суда.pdf"))
        .isEqualTo("Решение суда.pdf");
    assertThat(DocumentService.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(DocumentService.fileName("a\"b\r\n.pdf")).isEqualTo("ab.pdf");
    assertThat(DocumentService.fileName("..")).isEqualTo("document");
    assertThat(DocumentService.fileName(null)).isEqualTo("document");
  }
}
