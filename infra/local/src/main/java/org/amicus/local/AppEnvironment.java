package org.amicus.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.amicus.runtime.ElasticsearchInfo;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.runtime.PostgresInfo;
import org.amicus.runtime.SmtpInfo;

/**
 * The environment an application reads its configuration from (the {@code ${AMICUS_...}}
 * placeholders of its application.yml; docker compose sets the same variables).
 */
final class AppEnvironment {

  /** The running dependencies; a part not in this run is null. */
  record Wiring(
      PostgresInfo postgres,
      KeycloakInfo keycloak,
      ElasticsearchInfo elasticsearch,
      SmtpInfo smtp) {}

  /** Each application's database in the shared PostgreSQL server. */
  static String database(Part application) {
    return switch (application) {
      case CASES -> "cases";
      case WORKFLOW -> "workflow";
      default -> throw new IllegalArgumentException(application.title() + " has no database");
    };
  }

  private AppEnvironment() {}

  static Map<String, String> of(Part application, LaunchOptions options, Wiring wiring) {
    return of(application, options, wiring, AppEnvironment::database);
  }

  /**
   * The same, with other database names: tests of the whole platform share a PostgreSQL server with
   * the services' own tests, so they must not use theirs.
   */
  static Map<String, String> of(
      Part application, LaunchOptions options, Wiring wiring, Function<Part, String> databases) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", Integer.toString(options.port(application)));
    env.put("AMICUS_ISSUER_URI", wiring.keycloak().issuer());
    env.put("AMICUS_LOG_FORMAT", "ecs");
    switch (application) {
      case CASES -> {
        database(env, databases.apply(application), wiring.postgres());
        // Loads the seed statement's facts, marked as demo, when the database has no cases yet.
        env.put("SPRING_PROFILES_ACTIVE", "demo");
      }
      case WORKFLOW -> {
        database(env, databases.apply(application), wiring.postgres());
        // Like cases-service: demo data (the statement's joint submission in review, a briefing
        // sent under a pseudonym), sealed with the public development key.
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("AMICUS_SMTP_HOST", wiring.smtp().host());
        env.put("AMICUS_SMTP_PORT", Integer.toString(wiring.smtp().smtpPort()));
        env.put(
            "AMICUS_WORKFLOW_CLIENT_SECRET", wiring.keycloak().clientSecret("workflow-service"));
        env.put("AMICUS_CASES_URL", url(options, Part.CASES));
        // The name matcher: asked at submit and at dispatch, never at start-up.
        env.put("AMICUS_SEARCH_URL", url(options, Part.SEARCH));
      }
      case SEARCH -> {
        env.put("AMICUS_ELASTICSEARCH_URIS", wiring.elasticsearch().url());
        env.put("AMICUS_SEARCH_CLIENT_SECRET", wiring.keycloak().clientSecret("search-indexer"));
        env.put("AMICUS_CASES_URL", url(options, Part.CASES));
        env.put("AMICUS_WORKFLOW_URL", url(options, Part.WORKFLOW));
      }
      case GATEWAY -> {
        env.put("AMICUS_GATEWAY_CLIENT_SECRET", wiring.keycloak().clientSecret("gateway"));
        env.put("AMICUS_PUBLIC_URL", options.publicUrl());
        env.put("AMICUS_MANAGEMENT_PORT", Integer.toString(options.managementPort(Part.GATEWAY)));
        env.put("AMICUS_CASES_URL", url(options, Part.CASES));
        env.put("AMICUS_WORKFLOW_URL", url(options, Part.WORKFLOW));
        env.put("AMICUS_SEARCH_URL", url(options, Part.SEARCH));
      }
      default -> throw new IllegalArgumentException(application.title() + " is not an application");
    }
    return env;
  }

  /** Where the other applications reach an application: loopback, never through the gateway. */
  static String url(LaunchOptions options, Part application) {
    return "http://127.0.0.1:" + options.port(application);
  }

  private static void database(Map<String, String> env, String database, PostgresInfo postgres) {
    env.put("AMICUS_DB_URL", postgres.jdbcUrl(database));
    env.put("AMICUS_DB_USER", postgres.user());
    env.put("AMICUS_DB_PASSWORD", postgres.password());
  }
}
