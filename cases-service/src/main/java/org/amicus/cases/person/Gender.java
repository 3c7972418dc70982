package org.amicus.cases.person;

public enum Gender {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN
}
