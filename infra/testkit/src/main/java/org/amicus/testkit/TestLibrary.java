package org.amicus.testkit;

import java.io.File;
import java.nio.file.Path;

/**
 * The libraries that exist for tests. No main class uses them ({@link
 * ArchitectureRules#noTestLibraries()}) and no runtime classpath carries them (the launcher's
 * test).
 */
public enum TestLibrary {
  JUNIT("org/junit/", "org.junit"),
  JUNIT_4("junit/junit/", "junit"),
  OPENTEST4J("org/opentest4j/", "org.opentest4j"),
  ASSERTJ("org/assertj/", "org.assertj"),
  HAMCREST("org/hamcrest/", "org.hamcrest"),
  ARCHUNIT("com/tngtech/archunit/", "com.tngtech.archunit"),
  MOCKITO("org/mockito/", "org.mockito"),
  AWAITILITY("org/awaitility/", "org.awaitility"),
  JQWIK("net/jqwik/", "net.jqwik"),
  TESTCONTAINERS("org/testcontainers/", "org.testcontainers"),
  SPRING_TEST("org/springframework/spring-test/", "org.springframework.test"),
  SPRING_BOOT_TEST("org/springframework/boot/spring-boot-test", "org.springframework.boot.test"),
  JSONASSERT("org/skyscreamer/", "org.skyscreamer"),
  XMLUNIT("org/xmlunit/", "org.xmlunit"),
  SELENIUM("org/seleniumhq/", "org.openqa.selenium");

  private final String repositoryPath;
  private final String javaPackage;

  /**
   * @param repositoryPath where its jars lie in a Maven repository: its group, or the start of its
   *     group and artifact where the group also holds runtime libraries (Spring)
   * @param javaPackage the root package of its classes
   */
  TestLibrary(String repositoryPath, String javaPackage) {
    this.repositoryPath = repositoryPath;
    this.javaPackage = javaPackage;
  }

  /** The root package of its classes, e.g. {@code org.junit}. */
  public String javaPackage() {
    return javaPackage;
  }

  /** Whether a classpath entry, a jar in the local Maven repository, is one of its jars. */
  public boolean isJar(Path entry) {
    String path = entry.toAbsolutePath().toString().replace(File.separatorChar, '/');
    return path.contains("/" + repositoryPath);
  }
}
