package org.amicus.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The chart in infra/helm/amicus, linted and rendered by Helm itself (embedded by helm-java). */
final class Chart {

  /** The example values the tests render with: ci/<name>-values.yaml. */
  static final List<String> VALUES_FILES = List.of("minimal", "production", "tls");

  /**
   * The Kubernetes release rendered for (helm template's default is 1.20, older than the chart).
   */
  static final String KUBE_VERSION = "1.31.0";

  private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

  private Chart() {}

  static Path module() {
    return Path.of(System.getProperty("amicus.helm.dir", ".")).toAbsolutePath().normalize();
  }

  static Path directory() {
    return module().resolve("amicus");
  }

  static LintResult lint() {
    return new Helm(directory()).lint().strict().call();
  }

  /** Every object {@code helm template} renders with ci/<values>-values.yaml, parsed. */
  static List<Map<String, Object>> render(String values) {
    return RENDERED.computeIfAbsent(values, Chart::template);
  }

  /** Rendered objects of one kind. */
  static List<Map<String, Object>> render(String values, String kind) {
    return render(values).stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  private static List<Map<String, Object>> template(String values) {
    String manifest =
        new Helm(directory())
            .template()
            .withName("amicus")
            .withNamespace("amicus")
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(directory().resolve("ci").resolve(values + "-values.yaml"))
            .call();
    keepForReading(values, manifest);
    // Kubernetes refuses a key given twice; so does this parser.
    LoaderOptions strict = new LoaderOptions();
    strict.setAllowDuplicateKeys(false);
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(strict)).loadAll(manifest)) {
      if (document != null) {
        objects.add(Yamls.map(document));
      }
    }
    return objects;
  }

  /** target/rendered/<values>.yaml: what a failing test saw. */
  private static void keepForReading(String values, String manifest) {
    try {
      Path rendered = module().resolve("target").resolve("rendered");
      Files.createDirectories(rendered);
      Files.writeString(rendered.resolve(values + ".yaml"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
