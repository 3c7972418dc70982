package org.amicus.cases.casefile;

/** Where the coalition's work on a case stands. */
public enum Status {
  OPEN,
  MONITORING,
  CLOSED
}
