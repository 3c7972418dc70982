package org.amicus.cases.recommendation;

/** How the state under review answered a recommendation. */
public enum Response {
  SUPPORTED,
  NOTED
}
