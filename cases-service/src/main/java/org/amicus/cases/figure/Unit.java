package org.amicus.cases.figure;

/** What the value counts: people, cases, opinions ({@code COUNT}) or a share ({@code PERCENT}). */
public enum Unit {
  COUNT,
  PERCENT
}
