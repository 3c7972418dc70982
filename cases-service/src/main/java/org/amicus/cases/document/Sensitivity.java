package org.amicus.cases.document;

/**
 * How carefully a document must be handled once it leaves Amicus. Inside Amicus every document is
 * already limited to the case's owner organisation; this is a label for people, not a rule.
 */
public enum Sensitivity {
  STANDARD,
  SENSITIVE,
  HIGHLY_SENSITIVE
}
