package org.amicus.platform.changefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service that publishes a change feed sets {@code amicus.change-feed.enabled=true} and adds
 * {@code classpath:db/changefeed} to its Flyway locations.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnProperty("amicus.change-feed.enabled")
public class ChangeFeedAutoConfiguration {

  @Bean
  @ConditionalOnBean(JdbcTemplate.class)
  Outbox outbox(JdbcTemplate jdbc, ObjectMapper json) {
    return new Outbox(jdbc, json);
  }

  @Bean
  @ConditionalOnBean(Outbox.class)
  ChangeFeedResource changeFeedResource(Outbox outbox) {
    return new ChangeFeedResource(outbox);
  }
}
