package org.amicus.cases.casefile;

/** The UN body that decided. */
public enum UnBody {
  WGAD,
  HRC,
  CAT,
  SPECIAL_RAPPORTEUR
}
