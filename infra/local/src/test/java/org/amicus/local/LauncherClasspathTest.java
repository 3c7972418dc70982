package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.amicus.runtime.Supervisors;
import org.amicus.testkit.TestLibrary;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./amicus} runs is runtime code: neither the launcher's classpath nor the supervisor
 * JVMs' that start the dependencies carries a test library.
 */
class LauncherClasspathTest {

  @Test
  void theLauncherRunsWithoutTestLibraries() throws IOException {
    // written by the build (maven-dependency-plugin) and read by ./amicus as it is
    List<Path> classpath = entries(Files.readString(Path.of("target", "launcher-classpath.txt")));

    assertThat(classpath).anySatisfy(entry -> assertThat(entry.toString()).contains("greenmail"));
    assertThat(testLibrariesIn(classpath)).isEmpty();
  }

  @Test
  void theSupervisorsStartTheDependenciesWithoutTestLibraries() throws IOException {
    try (InputStream in =
        Supervisors.class.getResourceAsStream("/org/amicus/runtime/supervisor-classpath.txt")) {
      assertThat(in).as("the runtime's supervisor classpath").isNotNull();
      List<Path> classpath = entries(new String(in.readAllBytes(), StandardCharsets.UTF_8));

      assertThat(classpath).anySatisfy(entry -> assertThat(entry.toString()).contains("postgres"));
      assertThat(testLibrariesIn(classpath)).isEmpty();
    }
  }

  private static List<Path> entries(String classpath) {
    return Arrays.stream(classpath.trim().split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }

  private static List<String> testLibrariesIn(List<Path> classpath) {
    return classpath.stream()
        .flatMap(
            entry ->
                Arrays.stream(TestLibrary.values())
                    .filter(library -> library.isJar(entry))
                    .map(library -> library + ": " + entry.getFileName()))
        .toList();
  }
}
