package org.amicus.cases.recommendation;

/** The coalition's assessment of what the state did. */
public enum Implementation {
  NOT_IMPLEMENTED,
  PARTLY,
  IMPLEMENTED
}
