package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** values.schema.json describes every value, and Helm refuses what it forbids. */
class ValuesSchemaTest {

  @Test
  void everyValueHasADescription() throws IOException {
    JsonNode schema =
        new ObjectMapper().readTree(Chart.directory().resolve("values.schema.json").toFile());
    Map<String, Object> values =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(Chart.directory().resolve("values.yaml")));

    List<String> undescribed = new ArrayList<>();
    collect(values, schema, "", undescribed);

    assertThat(undescribed).isEmpty();
  }

  @Test
  void theLatestTagIsRefused() {
    assertThatThrownBy(() -> template("image.tag", "latest"))
        .hasMessageContaining("image")
        .hasMessageContaining("tag");
  }

  @Test
  void aMisspeltValueIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> template("postgres.instance", 3)).hasMessageContaining("instance");
  }

  private static void template(String key, Object value) {
    new Helm(Chart.directory())
        .template()
        .withKubeVersion(Chart.KUBE_VERSION)
        .set(key, value)
        .call();
  }

  private static void collect(Object value, JsonNode schema, String path, List<String> found) {
    if (schema == null || schema.isMissingNode()) {
      found.add(path + " (not in the schema)");
      return;
    }
    if (!schema.hasNonNull("description")) {
      found.add(path + " (no description)");
    }
    if (value instanceof Map<?, ?> map && schema.has("properties")) {
      map.forEach(
          (key, child) ->
              collect(
                  child,
                  schema.path("properties").path(String.valueOf(key)),
                  path + "." + key,
                  found));
    }
  }
}
