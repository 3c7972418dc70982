package org.amicus.platform.encryption;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealing at rest for a service that sets {@code amicus.encryption.key} in its application.yml.
 *
 * <p>Chooses the key: the configured one, or, only with the {@code demo} profile and nothing
 * configured, a development key that is public (it is in this file) and protects nothing. Outside
 * the demo profile the service refuses to start without a real key, so real data is never sealed
 * with a key everybody has. The service lists its sealed columns as {@link SealedColumn} beans;
 * {@link KeyRotation} checks and re-seals exactly those at start-up.
 */
@AutoConfiguration(
    after = {JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnProperty(prefix = "amicus.encryption", name = "key")
@EnableConfigurationProperties(EncryptionProperties.class)
public class EncryptionAutoConfiguration {

  /** "amicus-demo-key-never-for-real!!" in base64: public, for demo data only. */
  public static final String DEVELOPMENT_KEY = "YW1pY3VzLWRlbW8ta2V5LW5ldmVyLWZvci1yZWFsISE=";

  private static final String UNSET = "change-me";
  private static final Logger log = LoggerFactory.getLogger(EncryptionAutoConfiguration.class);

  @Bean
  public Encryption encryption(EncryptionProperties properties, Environment environment) {
    boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
    String key = properties.key() == null ? "" : properties.key().trim();
    if (key.isEmpty() || key.equals(UNSET)) {
      if (!demo) {
        throw new IllegalStateException(
            "amicus.encryption.key (AMICUS_ENCRYPTION_KEY) is not set; generate one with"
                + " openssl rand -base64 32 and keep it with your backups (docs/operations.md)");
      }
      log.warn(
          "Encrypting with the public development key: fine for demo data, never for real data");
      key = DEVELOPMENT_KEY;
    } else if (key.equals(DEVELOPMENT_KEY) && !demo) {
      throw new IllegalStateException(
          "amicus.encryption.key is the public development key, which only the demo profile uses");
    }
    List<String> previous =
        properties.previousKeys().stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    return new Encryption(key, previous);
  }

  @Bean
  @ConditionalOnBean({JdbcTemplate.class, TransactionTemplate.class})
  KeyRotation keyRotation(
      Encryption encryption,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EncryptionProperties properties,
      ObjectProvider<SealedColumn> columns) {
    return new KeyRotation(
        encryption, jdbc, transactions, properties, columns.orderedStream().toList());
  }
}
