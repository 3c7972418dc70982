package org.amicus.cases.document.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.amicus.cases.document.DocumentContent;
import org.amicus.cases.document.DocumentKind;
import org.amicus.cases.document.DocumentService;
import org.amicus.cases.document.DocumentView;
import org.amicus.cases.document.Sensitivity;
import org.amicus.cases.document.Upload;
import org.amicus.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a case, for its owner organisation only. Uploads are multipart ({@code file} plus
 * optional {@code kind}, {@code sensitivity}, {@code description}); the declared type must match
 * the bytes.
 */
@RestController
@RequestMapping("/api/cases/{id}/documents")
class DocumentResource {

  private final DocumentService documents;

  DocumentResource(DocumentService documents) {
    this.documents = documents;
  }

  @Operation(summary = "The documents attached to the case")
  @GetMapping
  List<DocumentView> list(Caller caller, @PathVariable long id) {
    return documents.list(caller, id);
  }

  @Operation(summary = "Attach a document to the case")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> upload(
      Caller caller,
      @PathVariable long id,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) DocumentKind kind,
      @RequestParam(required = false) Sensitivity sensitivity,
      @RequestParam(required = false) String description) {
    Upload upload =
        file == null
            ? new Upload(null, null, 0, null, kind, sensitivity, description)
            : new Upload(
                file.getOriginalFilename(),
                file.getContentType(),
                file.getSize(),
                file,
                kind,
                sensitivity,
                description);
    DocumentView created = documents.upload(caller, id, upload);
    return ResponseEntity.created(
            URI.create("/api/cases/" + id + "/documents/" + created.id() + "/content"))
        .eTag(DocumentService.etag(created.sha256()))
        .body(created);
  }

  /**
   * The bytes, always as an attachment and never sniffed or run by the browser; the checksum comes
   * as ETag and as {@code Repr-Digest} (RFC 9530).
   */
  @Operation(summary = "The document's content, as uploaded")
  @GetMapping("/{documentId}/content")
  ResponseEntity<byte[]> download(
      Caller caller, @PathVariable long id, @PathVariable long documentId) {
    DocumentContent content = documents.download(caller, id, documentId);
    String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(content.sha256()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .contentLength(content.bytes().length)
        .eTag(DocumentService.etag(content.sha256()))
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(content.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Repr-Digest", "sha-256=:" + digest + ":")
        .body(content.bytes());
  }

  @Operation(summary = "Remove the document from the case")
  @DeleteMapping("/{documentId}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @PathVariable long documentId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    documents.delete(caller, id, documentId, ifMatch);
    return ResponseEntity.noContent().build();
  }
}
