package org.amicus.esnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLayoutTest {

  @Test
  void serverClasspathHasTheServerAndLog4jButNoNetty() throws Exception {
    List<String> jars = names(ElasticsearchNodeMain.SERVER_CLASSPATH);

    assertThat(jars).anyMatch(name -> name.matches("elasticsearch-8\\.19\\.\\d+\\.jar"));
    assertThat(jars).anyMatch(name -> name.startsWith("log4j-core-"));
    assertThat(jars).noneMatch(name -> name.contains("netty"));
  }

  @Test
  void moduleClasspathHasOnlyTransportNetty4AndItsOwnDependencies() throws Exception {
    List<String> jars = names(ElasticsearchNodeMain.NETTY_MODULE_CLASSPATH);

    assertThat(jars).anyMatch(name -> name.startsWith("transport-netty4-"));
    assertThat(jars).anyMatch(name -> name.startsWith("netty-codec-http-"));
    assertThat(jars)
        .allMatch(
            name ->
                name.startsWith("transport-netty4-")
                    || name.startsWith("netty-")
                    || name.startsWith("elasticsearch-ssl-config-"));
    assertThat(jars).doesNotContainAnyElementsOf(names(ElasticsearchNodeMain.SERVER_CLASSPATH));
  }

  @Test
  void homeGetsTheModuleWithADescriptorForAnUnnamedModule(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("modules/stale"));

    ElasticsearchNodeMain.prepareHome(home);

    Path module = home.resolve("modules/transport-netty4");
    assertThat(home.resolve("modules/stale")).doesNotExist();
    assertThat(module.resolve("plugin-descriptor.properties")).exists();
    try (var jars = Files.list(module)) {
      assertThat(jars.filter(p -> p.toString().endsWith(".jar")).count())
          .isEqualTo(names(ElasticsearchNodeMain.NETTY_MODULE_CLASSPATH).size());
    }
    Properties descriptor = new Properties();
    try (InputStream in = Files.newInputStream(module.resolve("plugin-descriptor.properties"))) {
      descriptor.load(in);
    }
    assertThat(descriptor.getProperty("classname"))
        .isEqualTo("org.elasticsearch.transport.netty4.Netty4Plugin");
    assertThat(descriptor.getProperty("name")).isEqualTo("transport-netty4");
    assertThat(descriptor).doesNotContainKey("modulename");
  }

  private static List<String> names(String resource) throws Exception {
    return ElasticsearchNodeMain.classpathResource(resource).stream()
        .map(path -> path.getFileName().toString())
        .toList();
  }
}
