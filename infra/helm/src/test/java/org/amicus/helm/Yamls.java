package org.amicus.helm;

import java.util.List;
import java.util.Map;

/** Walking parsed YAML (maps, lists, scalars) without a cast at every step. */
final class Yamls {

  private Yamls() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }

  /** The node at a dotted path ("spec.template.spec"), or null where any step is missing. */
  static Object at(Object node, String path) {
    Object current = node;
    for (String step : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(step);
    }
    return current;
  }

  static String name(Map<String, Object> object) {
    return object.get("kind") + "/" + at(object, "metadata.name");
  }
}
