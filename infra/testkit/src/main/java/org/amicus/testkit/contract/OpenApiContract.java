package org.amicus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A service's OpenAPI description is a contract coalition members script against: every operation
 * needs the Keycloak bearer token, says what it does, and documents its problem answers. The test
 * writes the description to {@code target/openapi/<service>.json}, where the build's linter
 * (Redocly, in {@code verify}) reads it.
 *
 * <p>Implemented next to {@link ResourceServerContract}, by the test that already runs the service.
 */
public interface OpenApiContract extends ResourceServerContract {

  /** The file name the description is written under, e.g. {@code cases-service}. */
  String serviceName();

  private JsonNode description() {
    var response = get("/v3/api-docs", null);
    assertThat(response.statusCode()).isEqualTo(200);
    try {
      JsonNode json = new ObjectMapper().readTree(response.body());
      Path file = Path.of("target", "openapi", serviceName() + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  default void everyOperationNeedsTheBearerTokenSaysWhatItDoesAndDocuments401() {
    JsonNode api = description();
    List<String> unsecured = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    List<String> without401 = new ArrayList<>();
    List<String> undescribedProblems = new ArrayList<>();
    int operations = 0;
    for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) api.get("paths")::fields) {
      for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        if (!Set.of("get", "put", "post", "patch", "delete").contains(entry.getKey())) {
          continue;
        }
        operations++;
        String name = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = entry.getValue();
        if (!operation.path("security").toString().contains("\"bearerAuth\"")
            || !operation.path("security").toString().contains("\"keycloak\"")) {
          unsecured.add(name);
        }
        if (operation.path("summary").asText().isBlank()) {
          unnamed.add(name);
        }
        if (operation.path("responses").path("401").isMissingNode()) {
          without401.add(name);
        }
        operation
            .path("responses")
            .fields()
            .forEachRemaining(
                response -> {
                  if (response.getKey().startsWith("4")
                      && response
                          .getValue()
                          .path("content")
                          .path("application/problem+json")
                          .isMissingNode()) {
                    undescribedProblems.add(name + " " + response.getKey());
                  }
                });
      }
    }

    assertThat(operations).as("operations described").isPositive();
    assertThat(unsecured).as("operations without the bearer scheme").isEmpty();
    assertThat(unnamed).as("operations without a summary").isEmpty();
    assertThat(without401).as("operations without a 401").isEmpty();
    assertThat(undescribedProblems).as("4xx answers without a problem body").isEmpty();
    JsonNode schemes = api.path("components").path("securitySchemes");
    assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.path("keycloak").path("openIdConnectUrl").asText())
        .endsWith("/realms/coalition/.well-known/openid-configuration");
    assertThat(api.path("info").path("license").path("name").asText())
        .isEqualTo("AGPL-3.0-or-later");
  }
}
