package org.amicus.cases.figure;

/** How the source states the number: "at least 21", "more than 99.8%", "about 4,000". */
public enum Qualifier {
  EXACTLY,
  AT_LEAST,
  MORE_THAN,
  ABOUT,
  AT_MOST
}
