package org.amicus.cases.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from the bytes, never from the name or the declared type alone, what a document is, and
 * refuses what a browser or an office suite could run: executables, scripts, HTML, SVG (which can
 * carry scripts), archives, macro-enabled or legacy binary office files.
 */
public final class ContentCheck {

  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String GIF = "image/gif";
  static final String WEBP = "image/webp";
  static final String TIFF = "image/tiff";
  static final String TEXT = "text/plain";
  static final String CSV = "text/csv";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
  static final String ODP = "application/vnd.oasis.opendocument.presentation";

  /** The types Amicus stores, as declared by the uploader and confirmed by the bytes. */
  public static final Set<String> ALLOWED =
      Set.of(PDF, PNG, JPEG, GIF, WEBP, TIFF, TEXT, CSV, DOCX, XLSX, PPTX, ODT, ODS, ODP);

  /** Names clients use for the same type. */
  private static final Map<String, String> ALIASES =
      Map.of("image/jpg", JPEG, "image/pjpeg", JPEG, "application/x-pdf", PDF);

  /** The main part of an office package, by type. */
  private static final Map<String, String> OOXML_PARTS =
      Map.of(DOCX, "word/document.xml", XLSX, "xl/workbook.xml", PPTX, "ppt/presentation.xml");

  /** Markup a browser would render or run, looked for near the start of a text file. */
  private static final Pattern MARKUP =
      Pattern.compile(
          "<\\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\\?xml|meta|link|style)\\b",
          Pattern.CASE_INSENSITIVE);

  private ContentCheck() {}

  /** What the bytes turned out to be: an allowed type, or the reason they are refused. */
  public record Verdict(String contentType, String refusal) {

    static Verdict is(String type) {
      return new Verdict(type, null);
    }

    static Verdict refused(String why) {
      return new Verdict(null, why);
    }
  }

  /**
   * Checks the bytes against the declared type.
   *
   * @return what is wrong, in words for the uploader, or empty when the document is accepted
   */
  public static Optional<String> problem(String declared, byte[] bytes) {
    String type = normalise(declared);
    if (type == null) {
      return Optional.of("has no declared content type; send the part with its Content-Type");
    }
    Verdict verdict = sniff(bytes);
    if (verdict.refusal() != null) {
      return Optional.of("is refused: " + verdict.refusal());
    }
    if (!ALLOWED.contains(type)) {
      return Optional.of(
          "is declared as " + type + ", which is not accepted; allowed: " + allowed());
    }
    boolean same =
        type.equals(verdict.contentType())
            || (type.equals(CSV) && verdict.contentType().equals(TEXT));
    if (!same) {
      return Optional.of("is declared as " + type + " but its content is " + verdict.contentType());
    }
    return Optional.empty();
  }

  /** The declared type without parameters, lower case, aliases resolved; null when absent. */
  public static String normalise(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String type = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return ALIASES.getOrDefault(type, type);
  }

  static String allowed() {
    return String.join(", ", new java.util.TreeSet<>(ALLOWED));
  }

  static Verdict sniff(byte[] b) {
    if (b.length == 0) {
      return Verdict.refused("the file is empty");
    }
    if (starts(b, "MZ")) {
      return Verdict.refused("it is a Windows executable");
    }
    if (starts(b, 0x7F, 'E', 'L', 'F')) {
      return Verdict.refused("it is an executable (ELF)");
    }
    if (starts(b, 0xCA, 0xFE, 0xBA, 0xBE)
        || starts(b, 0xFE, 0xED, 0xFA, 0xCE)
        || starts(b, 0xFE, 0xED, 0xFA, 0xCF)
        || starts(b, 0xCF, 0xFA, 0xED, 0xFE)
        || starts(b, 0xCE, 0xFA, 0xED, 0xFE)) {
      return Verdict.refused("it is an executable or Java class");
    }
    if (starts(b, "#!")) {
      return Verdict.refused("it is a script");
    }
    if (starts(b, "%PDF-")) {
      return Verdict.is(PDF);
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Verdict.is(PNG);
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Verdict.is(JPEG);
    }
    if (starts(b, "GIF87a") || starts(b, "GIF89a")) {
      return Verdict.is(GIF);
    }
    if (starts(b, "RIFF") && b.length >= 12 && ascii(b, 8, 4).equals("WEBP")) {
      return Verdict.is(WEBP);
    }
    if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
      return Verdict.is(TIFF);
    }
    if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return Verdict.refused(
          "legacy binary office files (.doc, .xls, .ppt) may carry macros; save as PDF, .docx,"
              + " .xlsx or .odt");
    }
    if (starts(b, 'P', 'K', 0x03, 0x04)) {
      return officePackage(b);
    }
    return text(b);
  }

  /** Office Open XML and OpenDocument files are ZIP packages; anything else in a ZIP is not. */
  private static Verdict officePackage(byte[] b) {
    List<String> names = Zip.entryNames(b);
    if (names == null) {
      return Verdict.refused("it is a damaged or unreadable ZIP package");
    }
    String odf = Zip.storedMimetype(b);
    if (odf != null && Set.of(ODT, ODS, ODP).contains(odf)) {
      return macros(names) ? Verdict.refused("it contains macros") : Verdict.is(odf);
    }
    if (names.contains("[Content_Types].xml")) {
      for (Map.Entry<String, String> part : OOXML_PARTS.entrySet()) {
        if (names.contains(part.getValue())) {
          return macros(names) ? Verdict.refused("it contains macros") : Verdict.is(part.getKey());
        }
      }
    }
    return Verdict.refused("archives are not accepted; upload the documents one by one");
  }

  private static boolean macros(List<String> names) {
    return names.stream()
        .map(n -> n.toLowerCase(Locale.ROOT))
        .anyMatch(
            n -> n.endsWith("vbaproject.bin") || n.startsWith("basic/") || n.contains("/basic/"));
  }

  /** Plain text: valid UTF-8, no control characters, and nothing a browser would render. */
  private static Verdict text(byte[] b) {
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString();
    } catch (CharacterCodingException e) {
      return Verdict.refused("it is of a type Amicus does not recognise or accept");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return Verdict.refused("it is of a type Amicus does not recognise or accept");
      }
    }
    if (MARKUP.matcher(s).find()) {
      return Verdict.refused("it contains HTML, SVG or XML markup, which a browser could run");
    }
    return Verdict.is(TEXT);
  }

  private static boolean starts(byte[] b, String prefix) {
    return b.length >= prefix.length() && ascii(b, 0, prefix.length()).equals(prefix);
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] b, int from, int length) {
    return new String(b, from, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads a ZIP package's directory without inflating anything, so a ZIP bomb costs nothing to
   * inspect.
   */
  static final class Zip {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;

    private Zip() {}

    /** The entry names from the central directory; null when it cannot be read. */
    static List<String> entryNames(byte[] b) {
      int end = -1;
      for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
        if (int32(b, i) == END_OF_DIRECTORY) {
          end = i;
          break;
        }
      }
      if (end < 0) {
        return null;
      }
      int count = int16(b, end + 10);
      long offset = int32(b, end + 16) & 0xFFFFFFFFL;
      List<String> names = new ArrayList<>();
      int at = (int) Math.min(offset, Integer.MAX_VALUE);
      for (int n = 0; n < count; n++) {
        if (at < 0 || at + 46 > b.length || int32(b, at) != DIRECTORY_ENTRY) {
          return null;
        }
        int nameLength = int16(b, at + 28);
        int extraLength = int16(b, at + 30);
        int commentLength = int16(b, at + 32);
        if (at + 46 + nameLength > b.length) {
          return null;
        }
        names.add(new String(b, at + 46, nameLength, StandardCharsets.UTF_8));
        at += 46 + nameLength + extraLength + commentLength;
      }
      return names;
    }

    /** An OpenDocument package starts with an uncompressed {@code mimetype} entry. */
    static String storedMimetype(byte[] b) {
      if (b.length < 30 || int32(b, 0) != LOCAL_HEADER || int16(b, 8) != 0) {
        return null;
      }
      int size = int32(b, 18);
      int nameLength = int16(b, 26);
      int extraLength = int16(b, 28);
      if (nameLength != 8 || !ascii(b, 30, 8).equals("mimetype")) {
        return null;
      }
      int from = 30 + nameLength + extraLength;
      if (size <= 0 || size > 100 || from + size > b.length) {
        return null;
      }
      return ascii(b, from, size).trim();
    }

    private static int int16(byte[] b, int i) {
      return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int i) {
      if (i < 0 || i + 4 > b.length) {
        return 0;
      }
      return (b[i] & 0xFF)
          | (b[i + 1] & 0xFF) << 8
          | (b[i + 2] & 0xFF) << 16
          | (b[i + 3] & 0xFF) << 24;
    }
  }
}
