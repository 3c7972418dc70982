package org.amicus.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What docker compose cannot check before an admin's first start: the configuration contract the
 * applications read, start order on health, what is published, and that the realm, the database
 * init script and the Dockerfiles fit the compose file.
 */
class ComposeWiringTest {

  private static final List<String> APPLICATIONS =
      List.of("gateway", "cases-service", "workflow-service", "search-service");

  private static final Set<String> EVERY_APPLICATION =
      Set.of(
          "SERVER_PORT",
          "AMICUS_ISSUER_URI",
          "AMICUS_JWK_SET_URI",
          "JAVA_TOOL_OPTIONS",
          "AMICUS_OTLP_ENDPOINT",
          "AMICUS_TRACING_SAMPLING");

  /** The environment variables each application reads, beyond {@link #EVERY_APPLICATION}. */
  private static final Map<String, Set<String>> CONTRACT =
      Map.of(
          "cases-service",
              Set.of(
                  "AMICUS_DB_URL",
                  "AMICUS_DB_USER",
                  "AMICUS_DB_PASSWORD",
                  "AMICUS_ENCRYPTION_KEY",
                  "AMICUS_ENCRYPTION_PREVIOUS_KEYS"),
          "workflow-service",
              Set.of(
                  "AMICUS_DB_URL",
                  "AMICUS_DB_USER",
                  "AMICUS_DB_PASSWORD",
                  "AMICUS_ENCRYPTION_KEY",
                  "AMICUS_ENCRYPTION_PREVIOUS_KEYS",
                  "AMICUS_SMTP_HOST",
                  "AMICUS_SMTP_PORT",
                  "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE",
                  "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED",
                  "AMICUS_WORKFLOW_CLIENT_SECRET",
                  "AMICUS_TOKEN_URI",
                  "AMICUS_CASES_URL",
                  "AMICUS_SEARCH_URL"),
          "search-service",
              Set.of(
                  "AMICUS_ELASTICSEARCH_URIS",
                  "AMICUS_ELASTICSEARCH_USERNAME",
                  "AMICUS_ELASTICSEARCH_PASSWORD",
                  "AMICUS_ELASTICSEARCH_CA",
                  "AMICUS_SEARCH_CLIENT_SECRET",
                  "AMICUS_TOKEN_URI",
                  "AMICUS_CASES_URL",
                  "AMICUS_WORKFLOW_URL"),
          "gateway",
              Set.of(
                  "AMICUS_GATEWAY_CLIENT_SECRET",
                  "AMICUS_OIDC_INTERNAL_URL",
                  "AMICUS_PUBLIC_URL",
                  "AMICUS_CASES_URL",
                  "AMICUS_WORKFLOW_URL",
                  "AMICUS_SEARCH_URL",
                  "AMICUS_RATE_LIMIT_STORE",
                  "AMICUS_REDIS_HOST",
                  "AMICUS_MANAGEMENT_PORT",
                  "AMICUS_SECURE_COOKIES",
                  "AMICUS_TRUSTED_PROXIES"));

  private static final Map<String, String> PORTS =
      Map.of(
          "gateway",
          "8080",
          "cases-service",
          "8081",
          "workflow-service",
          "8082",
          "search-service",
          "8083");

  /** Where each application's Actuator answers: the gateway's never on its public port. */
  private static final Map<String, String> MANAGEMENT_PORTS =
      Map.of(
          "gateway",
          "8090",
          "cases-service",
          "8081",
          "workflow-service",
          "8082",
          "search-service",
          "8083");

  private static final String SECRETS_CHECK = "secrets-check";

  /** Services that run once before the others: the secrets check, Elasticsearch's certificates. */
  private static final Set<String> ONE_SHOT = Set.of(SECRETS_CHECK, "elasticsearch-certs");

  private static final String REALM_MOUNT =
      "../keycloak/src/main/resources/org/amicus/keycloak/coalition-realm.json";

  private final Map<String, Object> compose = ComposeFile.load();
  private final Map<String, String> env = ComposeFile.envExample();

  @Test
  void eachApplicationGetsExactlyTheVariablesItReads() {
    for (String application : APPLICATIONS) {
      Set<String> expected = new HashSet<>(EVERY_APPLICATION);
      expected.addAll(CONTRACT.get(application));

      assertThat(environment(application).keySet())
          .as("environment of %s", application)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(environment(application).get("SERVER_PORT")).isEqualTo(PORTS.get(application));
    }
  }

  @Test
  void servicesCallEachOtherOnThePortsTheyListenOn() {
    Map<String, String> urlVariables =
        Map.of(
            "AMICUS_CASES_URL", "cases-service",
            "AMICUS_WORKFLOW_URL", "workflow-service",
            "AMICUS_SEARCH_URL", "search-service");
    for (String application : APPLICATIONS) {
      urlVariables.forEach(
          (variable, target) -> {
            String url = environment(application).get(variable);
            if (url != null) {
              assertThat(url).isEqualTo("http://" + target + ":" + PORTS.get(target));
            }
          });
    }
  }

  @Test
  void browserAndServicesAgreeOnTheIssuer() {
    Map<String, String> keycloak = interpolated(ComposeFile.environment(service("keycloak")));
    String publicKeycloak = keycloak.get("KC_HOSTNAME");

    assertThat(URI.create(publicKeycloak).getScheme()).as("KC_HOSTNAME is a full URL").isNotNull();
    assertThat(keycloak).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
    for (String application : APPLICATIONS) {
      Map<String, String> environment = interpolated(environment(application));
      assertThat(environment.get("AMICUS_ISSUER_URI"))
          .isEqualTo(publicKeycloak + "/realms/coalition");
      assertThat(environment.get("AMICUS_JWK_SET_URI"))
          .isEqualTo("http://keycloak:8080/realms/coalition/protocol/openid-connect/certs");
    }
    assertThat(ports("keycloak"))
        .singleElement()
        .satisfies(port -> assertThat(interpolated(port)).endsWith(":8180:8080"));
  }

  @Test
  void onlyTheGatewayAndKeycloakArePublished() {
    Set<String> published = new HashSet<>();
    ComposeFile.services(compose)
        .forEach(
            (name, service) -> {
              if (ComposeFile.map(service).containsKey("ports")) {
                published.add(name);
              }
            });

    assertThat(published).containsExactlyInAnyOrder("gateway", "keycloak");
    assertThat(interpolated(ports("gateway").get(0))).isEqualTo("127.0.0.1:8080:8080");
  }

  @Test
  void everyServiceHasAHealthCheckAndStartsAfterItsDependenciesAreHealthy() {
    ComposeFile.services(compose)
        .forEach(
            (name, node) -> {
              if (ONE_SHOT.contains(name)) {
                return; // runs once and exits; the others wait for it to succeed
              }
              Map<String, Object> service = ComposeFile.map(node);
              assertThat(service).as("healthcheck of %s", name).containsKey("healthcheck");
              assertThat(ComposeFile.map(service.get("healthcheck"))).containsKey("test");
              Map<String, Object> dependsOn = ComposeFile.map(service.get("depends_on"));
              if (dependsOn != null) {
                dependsOn.forEach(
                    (dependency, condition) ->
                        assertThat(ComposeFile.map(condition))
                            .as("%s waits for %s", name, dependency)
                            .containsEntry(
                                "condition",
                                ONE_SHOT.contains(dependency)
                                    ? "service_completed_successfully"
                                    : "service_healthy"));
              }
            });
    for (String application : APPLICATIONS) {
      assertThat(
              String.valueOf(ComposeFile.map(service(application).get("healthcheck")).get("test")))
          .contains(
              "http://127.0.0.1:"
                  + MANAGEMENT_PORTS.get(application)
                  + "/actuator/health/readiness");
    }
  }

  @Test
  void theGatewaysActuatorIsOnItsManagementPortAndNeverPublished() {
    Map<String, String> gateway = environment("gateway");

    assertThat(gateway).containsEntry("AMICUS_MANAGEMENT_PORT", MANAGEMENT_PORTS.get("gateway"));
    assertThat(gateway.get("AMICUS_MANAGEMENT_PORT")).isNotEqualTo(gateway.get("SERVER_PORT"));
    assertThat(ports("gateway"))
        .allSatisfy(port -> assertThat(interpolated(port)).doesNotContain(":8090"));
  }

  /**
   * Compose refuses to start with a placeholder or empty secret: every secret of .env.example (each
   * reads change-me there) is checked by the secrets-check service, which everything else waits for
   * (directly, or through a dependency that does), and which rejects exactly those values.
   */
  @Test
  void nothingStartsWhileASecretIsEmptyOrStillChangeMe() throws Exception {
    Map<String, Object> check = service(SECRETS_CHECK);
    Map<String, String> environment = ComposeFile.environment(check);
    List<String> checked = List.of(environment.get("AMICUS_REQUIRED_SECRETS").trim().split("\\s+"));
    List<String> placeholders =
        env.entrySet().stream()
            .filter(entry -> entry.getValue().equals("change-me"))
            .map(Map.Entry::getKey)
            .toList();

    assertThat(placeholders).isNotEmpty();
    assertThat(checked).containsExactlyInAnyOrderElementsOf(placeholders);
    for (String secret : checked) {
      assertThat(environment.get(secret)).isEqualTo("${" + secret + "}");
    }
    ComposeFile.services(compose)
        .forEach(
            (name, node) -> {
              if (!name.equals(SECRETS_CHECK) && !name.equals("redis")) {
                assertThat(waitsForTheCheck(name))
                    .as("%s waits for %s", name, SECRETS_CHECK)
                    .isTrue();
              }
            });
    assertThat(runCheck(checked, "a-real-Secret-0123456789")).isZero();
    assertThat(runCheck(checked, "change-me")).isNotZero();
    assertThat(runCheck(checked, "")).isNotZero();
  }

  private boolean waitsForTheCheck(String name) {
    Map<String, Object> dependsOn = ComposeFile.map(service(name).get("depends_on"));
    if (dependsOn == null) {
      return false;
    }
    return dependsOn.containsKey(SECRETS_CHECK)
        || dependsOn.keySet().stream().anyMatch(this::waitsForTheCheck);
  }

  /** Runs the check's shell command as the container would (after compose's $$ unescaping). */
  private int runCheck(List<String> secrets, String value) throws Exception {
    String command = strings(service(SECRETS_CHECK).get("command")).get(0).replace("$$", "$");
    ProcessBuilder shell = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
    shell.environment().clear();
    shell.environment().put("AMICUS_REQUIRED_SECRETS", String.join(" ", secrets));
    for (String secret : secrets) {
      shell.environment().put(secret, value);
    }
    Process process = shell.start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    if (exit != 0) {
      assertThat(output).doesNotContain("a-real-Secret");
    }
    return exit;
  }

  /** Behind TLS: Secure cookies and HSTS; forwarded headers believed only from the proxy. */
  @Test
  void theGatewayRunsAsBehindTlsAndTrustsOnlyTheConfiguredProxy() {
    Map<String, String> gateway = interpolated(environment("gateway"));

    assertThat(gateway).containsEntry("AMICUS_SECURE_COOKIES", "true");
    assertThat(environment("gateway").get("AMICUS_TRUSTED_PROXIES"))
        .isEqualTo("${AMICUS_TRUSTED_PROXIES:-}");
    assertThat(env).containsKey("AMICUS_TRUSTED_PROXIES");
    assertThat(gateway.get("AMICUS_TRUSTED_PROXIES")).doesNotContain("0.0.0.0/0", "*");
  }

  /** Dispatch and notification mail leave only over STARTTLS unless an admin says otherwise. */
  /** Security on, as ECK runs it: search-service signs in over TLS, trusting this CA only. */
  @Test
  void searchServiceReachesElasticsearchOverTlsWithTheElasticUsersPassword() {
    Map<String, String> elasticsearch = environment("elasticsearch");
    Map<String, String> search = environment("search-service");

    assertThat(elasticsearch)
        .containsEntry("xpack.security.enabled", "true")
        .containsEntry("xpack.security.http.ssl.enabled", "true");
    assertThat(search.get("AMICUS_ELASTICSEARCH_URIS")).startsWith("https://elasticsearch:");
    assertThat(search.get("AMICUS_ELASTICSEARCH_PASSWORD"))
        .startsWith("${ELASTIC_PASSWORD")
        .isEqualTo(elasticsearch.get("ELASTIC_PASSWORD"));
    String ca = search.get("AMICUS_ELASTICSEARCH_CA").substring("file:".length());
    assertThat(strings(service("search-service").get("volumes")))
        .anySatisfy(
            volume -> {
              String mountPoint = volume.split(":")[1];
              assertThat(volume).startsWith("elasticsearch-certs:").endsWith(":ro");
              assertThat(ca).startsWith(mountPoint + "/");
            });
    assertThat(ca.substring(ca.indexOf("/ca/")))
        .isEqualTo(
            "/"
                + elasticsearch
                    .get("xpack.security.http.ssl.certificate_authorities")
                    .substring("certs/".length()));
  }

  @Test
  void mailGoesOutOnlyOverStartTls() {
    Map<String, String> workflow = environment("workflow-service");

    assertThat(workflow).containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true");
    assertThat(workflow.get("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED"))
        .isEqualTo("${AMICUS_SMTP_STARTTLS_REQUIRED:-true}");
    assertThat(env).containsEntry("AMICUS_SMTP_STARTTLS_REQUIRED", "true");
  }

  @Test
  void keycloakImportsTheCoalitionRealmInProductionMode() {
    Map<String, Object> keycloak = service("keycloak");

    assertThat(strings(keycloak.get("command"))).containsExactly("start", "--import-realm");
    assertThat(strings(keycloak.get("volumes")))
        .containsExactly(REALM_MOUNT + ":/opt/keycloak/data/import/coalition-realm.json:ro");
    assertThat(ComposeFile.environment(keycloak))
        .containsEntry("KC_DB", "postgres")
        .containsEntry("KC_DB_URL", "jdbc:postgresql://postgres:5432/keycloak")
        .containsEntry("KC_HEALTH_ENABLED", "true")
        .as("an admin must not become a partner")
        .containsEntry("KC_FEATURES_DISABLED", "impersonation");
  }

  @Test
  void keycloakGetsEveryVariableTheRealmFileAsksFor() {
    Path realm = ComposeFile.directory().resolve(REALM_MOUNT).normalize();
    assumeTrue(Files.isRegularFile(realm), "No realm file yet at " + realm);

    Matcher placeholder =
        Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}").matcher(ComposeFile.read(realm));
    Set<String> asked = new HashSet<>();
    while (placeholder.find()) {
      asked.add(placeholder.group(1));
    }

    assertThat(asked).isNotEmpty();
    assertThat(ComposeFile.environment(service("keycloak")))
        .containsKeys(asked.toArray(String[]::new));
  }

  @Test
  void postgresInitCreatesTheDatabasesAndRolesTheOthersLogInWith() {
    String script = ComposeFile.read(ComposeFile.directory().resolve("postgres/init-databases.sh"));
    Map<String, String> postgres = ComposeFile.environment(service("postgres"));
    Map<String, String> keycloak = ComposeFile.environment(service("keycloak"));

    for (String database : List.of("cases", "workflow", "keycloak")) {
      assertThat(script).contains("CREATE DATABASE " + database + " OWNER " + database + ";");
    }
    assertThat(script).contains("CREATE ROLE " + keycloak.get("KC_DB_USERNAME") + " LOGIN");
    for (String application : List.of("cases-service", "workflow-service")) {
      Map<String, String> environment = environment(application);
      String database = environment.get("AMICUS_DB_URL").replaceAll(".*/", "");
      assertThat(environment.get("AMICUS_DB_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
      assertThat(environment.get("AMICUS_DB_USER")).isEqualTo(database);
      // The password the application gets is the one the init script sets for its role.
      String passwordVariable = database.toUpperCase() + "_DB_PASSWORD";
      assertThat(environment.get("AMICUS_DB_PASSWORD")).contains("${" + passwordVariable + ":?");
      assertThat(postgres.get(passwordVariable)).contains("${" + passwordVariable + ":?");
      assertThat(script).contains("\"$" + passwordVariable + "\"");
    }
  }

  @Test
  void eachApplicationIsBuiltFromTheSharedDockerfileWithItsOwnJarAndPort() {
    Path dockerfile = ComposeFile.directory().resolve("app.Dockerfile");
    assertThat(dockerfile).isRegularFile();
    assertThat(ComposeFile.read(dockerfile))
        .contains("FROM ${JRE_IMAGE}")
        .contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
        .contains("COPY target/${ARTIFACT}-*.jar ")
        .contains("EXPOSE ${PORT}")
        .contains("HEALTHCHECK ")
        .containsPattern("(?m)^USER (?!root|0\\b)\\S+");
    for (String application : APPLICATIONS) {
      Map<String, Object> build = ComposeFile.map(service(application).get("build"));
      assertThat(build)
          .containsEntry("context", "../../" + application)
          .containsEntry("dockerfile", "../infra/compose/app.Dockerfile");
      assertThat(ComposeFile.map(build.get("args")))
          .containsEntry("ARTIFACT", "amicus-" + application)
          .containsEntry("PORT", PORTS.get(application));
    }
  }

  private Map<String, Object> service(String name) {
    return ComposeFile.service(compose, name);
  }

  private Map<String, String> environment(String application) {
    return ComposeFile.environment(service(application));
  }

  private List<String> ports(String name) {
    return strings(service(name).get("ports"));
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private Map<String, String> interpolated(Map<String, String> values) {
    Map<String, String> result = new LinkedHashMap<>();
    values.forEach((key, value) -> result.put(key, interpolated(value)));
    return result;
  }

  private String interpolated(String value) {
    return ComposeFile.interpolate(value, env);
  }
}
