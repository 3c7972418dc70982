package org.amicus.cases.casefile;

/** How much danger the people concerned are in, which decides how carefully a case is handled. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
