package org.amicus.cases.person;

/** Where a person may be named: each needs its own consent. */
public enum Channel {
  UN,
  EU,
  PUBLIC
}
