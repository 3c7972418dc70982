package org.amicus.local;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.amicus.runtime.Component;

/** One of the eight processes of a local run: four dependencies and the four applications. */
enum Part {
  POSTGRES("PostgreSQL", Component.POSTGRES.localPort()),
  KEYCLOAK("Keycloak", Component.KEYCLOAK.localPort()),
  ELASTICSEARCH("Elasticsearch", Component.ELASTICSEARCH.localPort()),
  SMTP("SMTP server", Component.SMTP.localPort()),
  CASES("cases-service", 8081),
  WORKFLOW("workflow-service", 8082),
  SEARCH("search-service", 8083),
  GATEWAY("gateway", 8080);

  /** GreenMail's IMAP port is the SMTP port plus this (3025 and 3143), see the testkit. */
  static final int IMAP_OFFSET = 118;

  /**
   * The gateway's Actuator (health, metrics) listens on the gateway port plus this (8090), never on
   * the public port.
   */
  static final int MANAGEMENT_OFFSET = 10;

  private final String title;
  private final int defaultPort;

  Part(String title, int defaultPort) {
    this.title = title;
    this.defaultPort = defaultPort;
  }

  /** The name users type ({@code --only cases}) and see in {@code ./amicus status}. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  String title() {
    return title;
  }

  int defaultPort() {
    return defaultPort;
  }

  /** The option that chooses this part's port, e.g. {@code --cases-port}. */
  String portOption() {
    return "--" + id() + "-port";
  }

  boolean isApplication() {
    return dependency().isEmpty();
  }

  /** The testkit component that runs this dependency in a supervisor; empty for applications. */
  Optional<Component> dependency() {
    return switch (this) {
      case POSTGRES -> Optional.of(Component.POSTGRES);
      case KEYCLOAK -> Optional.of(Component.KEYCLOAK);
      case ELASTICSEARCH -> Optional.of(Component.ELASTICSEARCH);
      case SMTP -> Optional.of(Component.SMTP);
      default -> Optional.empty();
    };
  }

  /** The Maven module of an application, which is also its jar's name after "amicus-". */
  String module() {
    return switch (this) {
      case CASES -> "cases-service";
      case WORKFLOW -> "workflow-service";
      case SEARCH -> "search-service";
      case GATEWAY -> "gateway";
      default -> throw new IllegalStateException(title + " is not an application");
    };
  }

  /**
   * What an application needs running before it starts. Every application checks tokens against
   * Keycloak's issuer, so Keycloak is always among them.
   */
  List<Part> needs() {
    return switch (this) {
      case CASES -> List.of(POSTGRES, KEYCLOAK);
      case WORKFLOW -> List.of(POSTGRES, KEYCLOAK, SMTP);
      case SEARCH -> List.of(ELASTICSEARCH, KEYCLOAK);
      case GATEWAY -> List.of(KEYCLOAK);
      default -> List.of();
    };
  }

  static Optional<Part> byId(String id) {
    for (Part part : values()) {
      if (part.id().equals(id)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }
}
