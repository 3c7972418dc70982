package org.amicus.platform.changefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.EncryptionAutoConfiguration;
import org.amicus.platform.encryption.SealedColumn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service that publishes a change feed sets {@code amicus.change-feed.enabled=true} and adds
 * {@code classpath:db/changefeed} to its Flyway locations. With an encryption key ({@code
 * amicus.encryption.key}) its documents are stored sealed.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, EncryptionAutoConfiguration.class})
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnProperty("amicus.change-feed.enabled")
public class ChangeFeedAutoConfiguration {

  @Bean
  @ConditionalOnBean(JdbcTemplate.class)
  Outbox outbox(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<Encryption> encryption) {
    return new Outbox(jdbc, json, encryption.getIfAvailable());
  }

  @Bean
  @ConditionalOnBean(Outbox.class)
  ChangeFeedResource changeFeedResource(Outbox outbox) {
    return new ChangeFeedResource(outbox);
  }

  @Bean
  @ConditionalOnBean({Outbox.class, Encryption.class})
  SealedColumn changeOutboxDocument() {
    return Outbox.SEALED_DOCUMENT;
  }

  @Bean
  @ConditionalOnBean({Outbox.class, Encryption.class})
  OutboxSealing outboxSealing(JdbcTemplate jdbc, Encryption encryption) {
    return new OutboxSealing(jdbc, encryption);
  }
}
