package org.amicus.cases.casefile;

/** What the state did with a UN decision. */
public enum Compliance {
  COMPLIED,
  PARTLY,
  IGNORED,
  PENDING
}
