package org.amicus.cases.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day, as HURIDOCS formats allow: {@code 2019}, {@code
 * 2019-06} or {@code 2019-06-09}.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public PartialDate {
    if (year < 1900 || year > 2100) {
      throw new IllegalArgumentException("the year must be between 1900 and 2100");
    }
    if (day != null && month == null) {
      throw new IllegalArgumentException("a day needs a month");
    }
    if (month != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("the month must be between 01 and 12");
    }
    if (day != null) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("no such day in that month");
      }
    }
  }

  /**
   * @throws IllegalArgumentException with a message fit for the user when the text is not a date
   */
  public static PartialDate parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("must be YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return new PartialDate(
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? null : Integer.parseInt(m.group(2)),
        m.group(3) == null ? null : Integer.parseInt(m.group(3)));
  }

  /** True when it cannot have been later than {@code today}. */
  public boolean notAfter(LocalDate today) {
    return !earliest().isAfter(today);
  }

  /** The first day the date may mean. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
  }

  @Override
  public int compareTo(PartialDate other) {
    return earliest().compareTo(other.earliest());
  }

  @Override
  public String toString() {
    if (month == null) {
      return String.format("%04d", year);
    }
    if (day == null) {
      return String.format("%04d-%02d", year, month);
    }
    return String.format("%04d-%02d-%02d", year, month, day);
  }
}
