package org.amicus.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** This module's docker-compose.yml and .env.example, read the way docker compose reads them. */
final class ComposeFile {

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

  private static final Pattern ENV_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

  private ComposeFile() {}

  static Path directory() {
    return Path.of(System.getProperty("amicus.compose.dir", ".")).toAbsolutePath().normalize();
  }

  static Path composeFile() {
    return directory().resolve("docker-compose.yml");
  }

  /** The parsed file, with YAML anchors and merge keys ({@code <<: *x}) already resolved. */
  static Map<String, Object> load() {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return yaml.load(read(composeFile()));
  }

  static Map<String, Object> services(Map<String, Object> compose) {
    return map(compose.get("services"));
  }

  static Map<String, Object> service(Map<String, Object> compose, String name) {
    Map<String, Object> service = map(services(compose).get(name));
    if (service == null) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return service;
  }

  /** A service's environment as written (before interpolation); the map form is the only one. */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Map<String, Object> raw = map(service.get("environment"));
    if (raw != null) {
      raw.forEach((key, value) -> environment.put(key, String.valueOf(value)));
    }
    return environment;
  }

  /** KEY=VALUE lines of .env.example; surrounding quotes removed as docker compose does. */
  static Map<String, String> envExample() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : read(directory().resolve(".env.example")).split("\n")) {
      Matcher matcher = ENV_LINE.matcher(line.strip());
      if (matcher.matches()) {
        values.put(matcher.group(1), unquote(matcher.group(2).strip()));
      }
    }
    return values;
  }

  /** Every {@code ${...}} in the file's values and keys; comments do not count. */
  static List<VariableReference> variableReferences(Object node) {
    List<VariableReference> references = new ArrayList<>();
    collect(node, references);
    return references;
  }

  /** The value docker compose would give {@code text} with {@code variables} as its environment. */
  static String interpolate(String text, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      VariableReference reference = reference(matcher);
      String value = variables.get(reference.name());
      boolean unsetOrEmpty =
          value == null || (reference.operator().startsWith(":") && value.isEmpty());
      if (unsetOrEmpty && reference.hasDefault()) {
        value = reference.argument();
      }
      if (value == null) {
        throw new AssertionError("${" + reference.name() + "} has no value in " + text);
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  private static void collect(Object node, List<VariableReference> references) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            collect(key, references);
            collect(value, references);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, references));
    } else if (node instanceof String text) {
      // "$$" is compose's escape for a literal dollar sign.
      Matcher matcher = VARIABLE.matcher(text.replace("$$", ""));
      while (matcher.find()) {
        references.add(reference(matcher));
      }
    }
  }

  private static VariableReference reference(Matcher matcher) {
    String operator = matcher.group(2) == null ? "" : matcher.group(2);
    String argument = matcher.group(3) == null ? "" : matcher.group(3);
    return new VariableReference(matcher.group(1), operator, argument);
  }

  private static String unquote(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  /** One {@code ${name<operator>argument}} in the compose file. */
  record VariableReference(String name, String operator, String argument) {

    boolean hasDefault() {
      return operator.equals(":-") || operator.equals("-");
    }
  }
}
