package org.amicus.cases.shared;

/** Who beyond the owner organisation may read a record. */
public enum Visibility {
  /** The owner organisation only. */
  ORGANISATION,
  /** Every partner and coordinator of the coalition. */
  COALITION,
  /** Publishable; inside Amicus readable like {@link #COALITION}. */
  PUBLIC;

  /** True when everyone who may read {@code other} may also read this. */
  public boolean atLeastAsOpenAs(Visibility other) {
    return ordinal() >= other.ordinal();
  }
}
