package org.amicus.compose;

import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Helm chart's default values (infra/helm/amicus/values.yaml), beside this module. */
final class HelmValues {

  private HelmValues() {}

  static Map<String, Object> load() {
    Path values = ComposeFile.directory().resolve("../helm/amicus/values.yaml").normalize();
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(ComposeFile.read(values));
  }

  /** The value at a dotted path, e.g. "keycloak.image". */
  static Object at(Map<String, Object> values, String path) {
    Object current = values;
    for (String step : path.split("\\.")) {
      current = ComposeFile.map(current).get(step);
    }
    return current;
  }
}
