package org.amicus.esnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * A bare Elasticsearch node (server plus the transport-netty4 module) in this JVM, bound to
 * 127.0.0.1 only.
 *
 * <p>Usage: {@code ElasticsearchNodeMain --home DIR [--data DIR] [--http-port N] [--cluster-name
 * NAME]}, with the server classpath from {@value #SERVER_CLASSPATH}. The node stops when its
 * standard input closes (so it never outlives the process that started it) and on SIGTERM.
 */
public final class ElasticsearchNodeMain {

  /** Resource listing the server jar and its runtime dependencies: the node's classpath. */
  public static final String SERVER_CLASSPATH = "/org/amicus/esnode/server-classpath.txt";

  /** Resource listing the jars of the transport-netty4 module, which must not be on it. */
  public static final String NETTY_MODULE_CLASSPATH =
      "/org/amicus/esnode/netty-module-classpath.txt";

  private static final String MODULE = "transport-netty4";
  private static final String NODE_NAME = "amicus-esnode";

  private ElasticsearchNodeMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    if (!options.containsKey("--home")) {
      System.err.println(
          "Usage: ElasticsearchNodeMain --home DIR [--data DIR] [--http-port N] [--cluster-name NAME]");
      System.exit(2);
      return;
    }
    Path home = Path.of(options.get("--home")).toAbsolutePath();
    Path data = Path.of(options.getOrDefault("--data", home.resolve("data").toString()));
    int httpPort = Integer.parseInt(options.getOrDefault("--http-port", "9200"));
    String clusterName = options.getOrDefault("--cluster-name", "amicus");

    jvmDefaults();
    prepareHome(home);
    Files.createDirectories(data);

    Node node;
    try {
      node = start(home, data.toAbsolutePath(), httpPort, clusterName);
    } catch (Exception | LinkageError e) {
      // exit even though a half-started node may have left non-daemon threads behind
      System.err.println("Elasticsearch node failed to start:");
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "esnode-stop"));
    System.out.println("Elasticsearch node started on http://127.0.0.1:" + httpPort);
    awaitEndOfInput();
    System.exit(0);
  }

  private static Node start(Path home, Path data, int httpPort, String clusterName)
      throws Exception {
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("cluster.name", clusterName)
            .put("node.name", NODE_NAME)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", 0)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    LogConfigurator.configureWithoutConfig(settings);
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);
    PluginsLoader plugins =
        PluginsLoader.createPluginsLoader(
            PluginsLoader.loadModulesBundles(environment.modulesDir()),
            PluginsLoader.loadPluginsBundles(environment.pluginsDir()),
            Map.of(),
            false); // the server runs as an unnamed module from the classpath
    return new Node(environment, plugins).start();
  }

  /**
   * What the distribution's jvm.options would set, unless the command line already did. Runs before
   * log4j and netty read them.
   */
  private static void jvmDefaults() {
    Map<String, String> defaults =
        Map.of(
            "log4j2.configurationFile", "classpath:org/amicus/esnode/log4j2.properties",
            "log4j2.formatMsgNoLookups", "true",
            "log4j2.disable.jmx", "true",
            "log4j.shutdownHookEnabled", "false",
            "io.netty.noUnsafe", "true",
            "io.netty.noKeySetOptimization", "true",
            "io.netty.recycler.maxCapacityPerThread", "0");
    defaults.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, value);
          }
        });
  }

  /**
   * (Re)creates {@code <home>/modules/transport-netty4} from this jar's module list, with a plugin
   * descriptor that loads it as an unnamed module (the server is not a named module here).
   */
  static void prepareHome(Path home) throws IOException {
    Path modules = home.resolve("modules");
    deleteRecursively(modules);
    Path module = Files.createDirectories(modules.resolve(MODULE));
    Files.createDirectories(home.resolve("plugins"));
    Files.createDirectories(home.resolve("config"));
    Path moduleJar = null;
    for (Path jar : classpathResource(NETTY_MODULE_CLASSPATH)) {
      Files.copy(jar, module.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      if (jar.getFileName().toString().startsWith(MODULE + "-")) {
        moduleJar = jar;
      }
    }
    if (moduleJar == null) {
      throw new IllegalStateException(
          "No " + MODULE + " jar in " + NETTY_MODULE_CLASSPATH + ": the module is misbuilt");
    }
    writeDescriptor(moduleJar, module.resolve("plugin-descriptor.properties"));
  }

  /** The module's own descriptor, without {@code modulename}. */
  private static void writeDescriptor(Path moduleJar, Path target) throws IOException {
    Properties descriptor = new Properties();
    String entry = "META-INF/es-plugins/" + MODULE + "/plugin-descriptor.properties";
    try (JarFile jar = new JarFile(moduleJar.toFile())) {
      ZipEntry found = jar.getEntry(entry);
      if (found == null) {
        throw new IllegalStateException(moduleJar + " has no " + entry);
      }
      try (InputStream in = jar.getInputStream(found)) {
        descriptor.load(in);
      }
    }
    descriptor.remove("modulename");
    try (OutputStream out = Files.newOutputStream(target)) {
      descriptor.store(out, MODULE + " loaded as an unnamed module");
    }
  }

  static List<Path> classpathResource(String resource) throws IOException {
    try (InputStream in = ElasticsearchNodeMain.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: build the module with Maven");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Stream.of(text.split(java.io.File.pathSeparator))
          .filter(s -> !s.isBlank())
          .map(Path::of)
          .toList();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Blocks until standard input reaches its end: the parent closed it or died. */
  private static void awaitEndOfInput() {
    byte[] buffer = new byte[256];
    try {
      while (System.in.read(buffer) != -1) {
        // input is ignored; only its end matters
      }
    } catch (IOException e) {
      // a broken pipe means the parent is gone, too
    }
  }

  private static void close(Node node) {
    try {
      node.prepareForClose();
      node.close();
      if (!node.awaitClose(20, TimeUnit.SECONDS)) {
        System.err.println("Elasticsearch node did not close within 20 s");
      }
    } catch (IOException e) {
      System.err.println("Elasticsearch node failed to close: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --option value pairs, got: " + args[i]);
      }
      options.put(args[i], args[++i]);
    }
    return options;
  }
}
