package org.amicus.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The operators' resources the chart renders, each checked against a JSON Schema of the fields the
 * operator's documentation names (src/test/resources/operators; the operator version is in each
 * schema's description). No Maven or npm package publishes these operators' CRD schemas, so the
 * schemas are written from the documentation, and they refuse any field they do not name.
 */
final class OperatorSchemas {

  /** apiVersion/kind, and the schema file under /operators. */
  static final Map<String, String> SCHEMAS =
      Map.of(
          "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io-Cluster",
          "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io-Database",
          "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io-ScheduledBackup",
          "elasticsearch.k8s.elastic.co/v1/Elasticsearch",
              "elasticsearch.k8s.elastic.co-Elasticsearch",
          "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org-Keycloak",
          "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "k8s.keycloak.org-KeycloakRealmImport");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private OperatorSchemas() {}

  static boolean covers(String type) {
    return SCHEMAS.containsKey(type);
  }

  /** What the schema for {@code type} finds wrong with {@code object}; empty when nothing. */
  static List<String> problems(String type, Map<String, Object> object) {
    JsonNode node = JSON.valueToTree(object);
    return schema(type).validate(node).stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
        .toList();
  }

  private static Schema schema(String type) {
    String resource = "/operators/" + SCHEMAS.get(type) + ".schema.json";
    try (InputStream in = OperatorSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + resource);
      }
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
