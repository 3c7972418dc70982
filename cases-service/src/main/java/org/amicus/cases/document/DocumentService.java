package org.amicus.cases.document;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.encryption.SealedColumns;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Etag;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of a case: visible to the case's owner organisation only (docs/domain.md), whatever the
 * case's visibility. Every upload, list, download and deletion is audited with the case. Contents
 * are sealed (AES-GCM) before they reach the database; the checksum is of the original bytes.
 */
@Service
public class DocumentService {

  private static final int MAX_DESCRIPTION = 1000;
  private static final int MAX_FILE_NAME = 255;

  private final CaseDocuments documents;
  private final CaseService cases;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final DocumentProperties properties;
  private final Encryption encryption;
  private final Clock clock = Clock.systemUTC();

  DocumentService(
      CaseDocuments documents,
      CaseService cases,
      JdbcTemplate jdbc,
      AuditLog audit,
      DocumentProperties properties,
      Encryption encryption) {
    this.documents = documents;
    this.cases = cases;
    this.jdbc = jdbc;
    this.audit = audit;
    this.properties = properties;
    this.encryption = encryption;
  }

  @Transactional
  public DocumentView upload(Caller caller, long caseId, Upload upload) {
    requireOwner(caller, caseId);
    long max = properties.maxSize().toBytes();
    if (upload.size() > max) {
      throw tooLarge(max);
    }
    List<FieldError> errors = new ArrayList<>();
    byte[] bytes = read(upload, max, errors);
    if (bytes != null) {
      Optional<String> problem = ContentCheck.problem(upload.declaredType(), bytes);
      problem.ifPresent(p -> errors.add(new FieldError("file", p)));
    }
    if (upload.description() != null && upload.description().length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    CaseDocument d = new CaseDocument();
    d.caseId = caseId;
    d.fileName = fileName(upload.fileName());
    d.contentType = ContentCheck.normalise(upload.declaredType());
    d.sizeBytes = bytes.length;
    d.sha256 = sha256(bytes);
    d.kind = upload.kind() == null ? DocumentKind.OTHER : upload.kind();
    d.sensitivity = upload.sensitivity() == null ? Sensitivity.SENSITIVE : upload.sensitivity();
    d.description = blankToNull(upload.description());
    d.uploadedAt = clock.instant();
    d.uploadedBy = caller.username();
    documents.saveAndFlush(d);
    jdbc.update(
        "insert into case_document_content (document_id, content) values (?, ?)",
        d.id,
        encryption.seal(bytes, SealedColumns.DOCUMENT_CONTENT.purpose()));
    audit.record(caller, "document.upload", CaseService.DOCUMENT_RECORD, key(d));
    return view(d);
  }

  @Transactional
  public List<DocumentView> list(Caller caller, long caseId) {
    requireOwner(caller, caseId);
    audit.record(caller, "read.documents", CaseService.RECORD, String.valueOf(caseId));
    return documents.findByCaseIdOrderByIdAsc(caseId).stream().map(DocumentService::view).toList();
  }

  @Transactional
  public DocumentContent download(Caller caller, long caseId, long documentId) {
    requireOwner(caller, caseId);
    CaseDocument d = find(caseId, documentId);
    byte[] bytes =
        encryption.open(
            jdbc.queryForObject(
                "select content from case_document_content where document_id = ?",
                byte[].class,
                d.id),
            SealedColumns.DOCUMENT_CONTENT.purpose());
    audit.record(caller, "document.download", CaseService.DOCUMENT_RECORD, key(d));
    return new DocumentContent(d.fileName, d.contentType, d.sha256, bytes);
  }

  @Transactional
  public void delete(Caller caller, long caseId, long documentId, String ifMatch) {
    requireOwner(caller, caseId);
    CaseDocument d = find(caseId, documentId);
    Etag.require(ifMatch, etag(d.sha256));
    documents.delete(d);
    documents.flush();
    audit.record(caller, "document.delete", CaseService.DOCUMENT_RECORD, key(d));
  }

  /** A document's strong ETag: its checksum, since a document never changes. */
  public static String etag(String sha256) {
    return "\"" + sha256 + "\"";
  }

  private void requireOwner(Caller caller, long caseId) {
    String owner = cases.ownerOf(caller, caseId);
    if (!Access.canWrite(caller, owner)) {
      throw ApiProblem.forbidden("Documents are for the case's owner organisation only");
    }
  }

  private CaseDocument find(long caseId, long documentId) {
    return documents
        .findById(documentId)
        .filter(d -> d.caseId.equals(caseId))
        .orElseThrow(() -> ApiProblem.notFound("Document " + documentId));
  }

  /**
   * Reads at most {@code max + 1} bytes: a client may announce less than it sends, and the limit
   * must hold for what arrives.
   */
  private static byte[] read(Upload upload, long max, List<FieldError> errors) {
    if (upload.content() == null) {
      errors.add(new FieldError("file", "is required: send the document as multipart part 'file'"));
      return null;
    }
    try (InputStream in = upload.content().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw tooLarge(max);
      }
      if (bytes.length == 0) {
        errors.add(new FieldError("file", "must not be empty"));
        return null;
      }
      return bytes;
    } catch (IOException e) {
      errors.add(new FieldError("file", "could not be read completely; send it again"));
      return null;
    }
  }

  static ApiProblem tooLarge(long max) {
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            ProblemTypes.PAYLOAD_TOO_LARGE,
            "The document is larger than the limit of " + max + " bytes");
    problem.getBody().setProperty("errors", List.of(new FieldError("file", "is too large")));
    problem.getBody().setProperty("maxBytes", max);
    return problem;
  }

  /** The name without any path, control characters or quotes, so it is safe in a header. */
  static String fileName(String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "document";
    }
    return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String key(CaseDocument d) {
    return d.caseId + "/" + d.id;
  }

  private static DocumentView view(CaseDocument d) {
    return new DocumentView(
        d.id,
        d.caseId,
        d.fileName,
        d.contentType,
        d.sizeBytes,
        d.sha256,
        d.kind,
        d.sensitivity,
        d.description,
        d.uploadedAt,
        d.uploadedBy);
  }
}
