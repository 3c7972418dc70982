package org.amicus.cases.document;

/** What a document is, as the coalition files them (docs/domain.md). */
public enum DocumentKind {
  COURT_DECISION,
  MEDICAL_REPORT,
  PHOTO,
  POWER_OF_ATTORNEY,
  CORRESPONDENCE,
  OTHER
}
