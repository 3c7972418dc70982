package org.amicus.cases.document;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document's metadata; its bytes live in {@code case_document_content}. Never changed. */
@Entity
@Table(name = "case_document")
class CaseDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  Long caseId;
  String fileName;
  String contentType;
  long sizeBytes;
  String sha256;

  @Enumerated(EnumType.STRING)
  DocumentKind kind;

  @Enumerated(EnumType.STRING)
  Sensitivity sensitivity;

  String description;
  Instant uploadedAt;
  String uploadedBy;
}
