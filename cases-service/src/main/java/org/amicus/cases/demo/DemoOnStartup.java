package org.amicus.cases.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, an empty database starts with the seed statement's facts; a demo
 * database from before sourced figures were records gets the statement's figures.
 */
@Component
@Profile("demo")
class DemoOnStartup implements ApplicationRunner {

  private final DemoData demo;
  private final JdbcTemplate jdbc;

  DemoOnStartup(DemoData demo, JdbcTemplate jdbc) {
    this.demo = demo;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long existing = jdbc.queryForObject("select count(*) from case_file", Long.class);
    if (existing != null && existing == 0) {
      demo.load();
    } else if (demo.present() && !demo.figuresPresent()) {
      demo.loadFigures();
    }
  }
}
