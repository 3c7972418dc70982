package org.amicus.cases.document;

import java.time.Instant;

/**
 * A document as its case's owner organisation sees it.
 *
 * @param contentType the type the bytes were checked to be
 * @param sha256 hex SHA-256 of the original bytes; also the document's ETag
 */
public record DocumentView(
    long id,
    long caseId,
    String fileName,
    String contentType,
    long size,
    String sha256,
    DocumentKind kind,
    Sensitivity sensitivity,
    String description,
    Instant uploadedAt,
    String uploadedBy) {}
