package org.amicus.runtime;

import java.time.Duration;
import java.util.Locale;

/**
 * A real dependency the platform needs, with its local-mode port and how long it may take to start.
 */
public enum Component {
  POSTGRES(5432, Duration.ofSeconds(90)),
  KEYCLOAK(8180, Duration.ofMinutes(6)),
  ELASTICSEARCH(9200, Duration.ofMinutes(3)),
  SMTP(3025, Duration.ofSeconds(60));

  private final int localPort;
  private final Duration startTimeout;

  Component(int localPort, Duration startTimeout) {
    this.localPort = localPort;
    this.startTimeout = startTimeout;
  }

  public int localPort() {
    return localPort;
  }

  public Duration startTimeout() {
    return startTimeout;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  Runner newRunner() {
    return switch (this) {
      case POSTGRES -> new PostgresRunner();
      case KEYCLOAK -> new KeycloakRunner();
      case ELASTICSEARCH -> new ElasticsearchRunner();
      case SMTP -> new SmtpRunner();
    };
  }
}
