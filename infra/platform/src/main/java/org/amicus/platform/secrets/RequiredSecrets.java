package org.amicus.platform.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start an application whose real secrets are empty or still the shipped placeholder
 * ({@code change-me}): a deployment that forgot one must not run with a value everybody knows.
 *
 * <p>Each application lists the properties that hold its real secrets in {@code
 * amicus.secrets.required} (client secrets, database passwords); optional ones (a Redis password
 * when Redis is unused, previous encryption keys) are simply not listed. The failure names every
 * offending property, never its value. Runs before any bean is created, registered in {@code
 * META-INF/spring.factories}.
 */
public final class RequiredSecrets implements EnvironmentPostProcessor {

  public static final String REQUIRED = "amicus.secrets.required";

  static final String PLACEHOLDER = "change-me";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    check(environment);
  }

  /** Throws when a required secret is empty or a placeholder; the message names properties only. */
  public static void check(Environment environment) {
    List<String> unset = unset(environment);
    if (!unset.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: "
              + String.join(", ", unset)
              + (unset.size() == 1 ? " is" : " are")
              + " empty or still the placeholder "
              + PLACEHOLDER
              + ". Set a real secret (a long random value) for each; see infra/compose/README.md.");
    }
  }

  static List<String> unset(Environment environment) {
    String[] required = environment.getProperty(REQUIRED, String[].class, new String[0]);
    List<String> unset = new ArrayList<>();
    for (String property : required) {
      String name = property.trim();
      if (name.isEmpty()) {
        continue;
      }
      String value;
      try {
        value = environment.getProperty(name);
      } catch (IllegalArgumentException unresolvable) {
        value = null; // a placeholder without a value, e.g. ${AMICUS_DB_PASSWORD}
      }
      if (isUnset(value)) {
        unset.add(name);
      }
    }
    return unset;
  }

  static boolean isUnset(String value) {
    return value == null || value.isBlank() || value.toLowerCase(Locale.ROOT).contains(PLACEHOLDER);
  }
}
