package org.amicus.cases.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case references like {@code KZ-2019-0042}: country, year and a number counted per country and
 * year. The counter row is bumped by one atomic upsert, which row-locks it until the creating
 * transaction ends, so concurrent creations get distinct numbers and a rolled-back one frees its.
 */
@Component
class ReferenceGenerator {

  private final JdbcTemplate jdbc;

  ReferenceGenerator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next(String country, int year) {
    Integer number =
        jdbc.queryForObject(
            "insert into case_reference_counter (country, year, last) values (?, ?, 1)"
                + " on conflict (country, year) do update set last = case_reference_counter.last + 1"
                + " returning last",
            Integer.class,
            country,
            year);
    return format(country, year, number == null ? 1 : number);
  }

  static String format(String country, int year, int number) {
    return String.format("%s-%04d-%04d", country, year, number);
  }
}
