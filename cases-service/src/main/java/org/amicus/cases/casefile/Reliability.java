package org.amicus.cases.casefile;

/** How well an event is established by its source. */
public enum Reliability {
  CONFIRMED,
  PROBABLE,
  UNCONFIRMED
}
