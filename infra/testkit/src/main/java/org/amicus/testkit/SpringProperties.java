package org.amicus.testkit;

import java.util.Map;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;

/**
 * The Spring Boot properties that point an application under test at the real dependencies (the
 * launcher gives a running application the same through its environment).
 */
public final class SpringProperties {

  private SpringProperties() {}

  /** A datasource on a database of its own, created if missing. */
  public static Map<String, String> of(PostgresInfo postgres, String database) {
    return Map.of(
        "spring.datasource.url", postgres.database(database),
        "spring.datasource.username", postgres.user(),
        "spring.datasource.password", postgres.password());
  }

  /** A resource server that trusts this Keycloak and requires the Amicus audience. */
  public static Map<String, String> of(KeycloakInfo keycloak) {
    return Map.of(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        keycloak.issuer(),
        "spring.security.oauth2.resourceserver.jwt.audiences",
        KeycloakInfo.AUDIENCE);
  }

  public static Map<String, String> of(ElasticsearchInfo elasticsearch) {
    return Map.of("spring.elasticsearch.uris", elasticsearch.url());
  }

  public static Map<String, String> of(SmtpInfo smtp) {
    return Map.of(
        "spring.mail.host", smtp.host(), "spring.mail.port", Integer.toString(smtp.smtpPort()));
  }
}
