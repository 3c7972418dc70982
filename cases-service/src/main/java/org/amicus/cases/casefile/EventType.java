package org.amicus.cases.casefile;

/**
 * What happened on a case timeline; sentences are split by kind because figures count custodial
 * ones.
 */
public enum EventType {
  ARREST,
  DETENTION,
  SEARCH,
  CHARGE,
  HEARING,
  SENTENCE_CUSTODIAL,
  SENTENCE_SUSPENDED,
  SENTENCE_FINE,
  SENTENCE_RESTRICTION_OF_ACTIVITIES,
  RELEASE,
  TORTURE_ALLEGATION,
  INTIMIDATION,
  TRAVEL_BAN,
  DEATH_IN_CUSTODY
}
