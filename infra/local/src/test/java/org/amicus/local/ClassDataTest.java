package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's second start maps the classes its first one loaded: recorded on a clean stop,
 * kept per jar digest, dropped when the JVM was killed, and never in the way of a jar that cannot
 * be extracted. A tiny jar stands in for an application (Spring Boot's extraction is exercised by
 * every start of the real ones).
 */
class ClassDataTest {

  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @TempDir Path dir;

  @Test
  void aJarThatCannotBeExtractedRunsAsItIsWithoutAnArchive() throws Exception {
    Path jar = helloJar(dir.resolve("build"), "amicus-hello-1.jar"); // no Spring Boot jar mode

    ClassData.Launch launch = ClassData.prepare(JAVA, jar, dir.resolve("cache"));

    assertThat(launch.jar()).isEqualTo(jar);
    assertThat(launch.options()).isEmpty();
    assertThat(run(launch).output()).contains("hello");
  }

  @Test
  void theFirstCleanStopRecordsTheArchiveAndTheNextStartMapsIt() throws Exception {
    Path jar = helloJar(dir.resolve("build"), "amicus-hello-1.jar");
    Path cache = dir.resolve("cache");
    Path extracted = extractedAsSpringBootWould(jar, cache);

    ClassData.Launch first = ClassData.prepare(JAVA, jar, cache);
    assertThat(first.jar()).isEqualTo(extracted);
    assertThat(first.options()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
    Result recorded = run(first);
    first.keepArchive(recorded.exitCode());

    assertThat(first.archive()).isRegularFile();
    assertThat(first.recording().orElseThrow()).doesNotExist();

    ClassData.Launch second = ClassData.prepare(JAVA, jar, cache);
    assertThat(second.options())
        .contains("-XX:SharedArchiveFile=" + first.archive())
        .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(run(second, "-Xlog:class+load=info").output())
        .containsPattern("Hello source: shared objects file \\(top\\)");
  }

  @Test
  void aKilledApplicationLeavesNoArchive() throws Exception {
    Path jar = helloJar(dir.resolve("build"), "amicus-hello-1.jar");
    Path cache = dir.resolve("cache");
    extractedAsSpringBootWould(jar, cache);
    ClassData.Launch launch = ClassData.prepare(JAVA, jar, cache);
    Path recording = launch.recording().orElseThrow();
    Files.write(recording, new byte[] {1, 2, 3}); // what a JVM killed while writing leaves

    launch.keepArchive(137);

    assertThat(recording).doesNotExist();
    assertThat(launch.archive()).doesNotExist();
    assertThat(ClassData.prepare(JAVA, jar, cache).recording()).isPresent();
  }

  @Test
  void aRecordingAbandonedByAKilledLauncherIsRemovedByALaterStart() throws Exception {
    Path jar = helloJar(dir.resolve("build"), "amicus-hello-1.jar");
    Path cache = dir.resolve("cache");
    extractedAsSpringBootWould(jar, cache);
    Path abandoned = ClassData.prepare(JAVA, jar, cache).recording().orElseThrow();
    Files.write(abandoned, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(
        abandoned, FileTime.from(Instant.now().minus(ClassData.ABANDONED_AFTER).minusSeconds(60)));

    ClassData.prepare(JAVA, jar, cache);

    assertThat(abandoned).doesNotExist();
  }

  @Test
  void aRebuiltJarGetsItsOwnCopyAndThePreviousOneIsRemoved() throws Exception {
    Path build = dir.resolve("build");
    Path cache = dir.resolve("cache");
    Path jar = helloJar(build, "amicus-hello-1.jar");
    Path before = extractedAsSpringBootWould(jar, cache).getParent().getParent();

    try (OutputStream out = Files.newOutputStream(jar, java.nio.file.StandardOpenOption.APPEND)) {
      out.write(' '); // another digest
    }
    ClassData.prepare(JAVA, jar, cache);

    assertThat(before).doesNotExist();
    assertThat(Files.readString(cache.resolve("amicus-hello-1.jar.sha256")))
        .endsWith(" " + ClassData.digest(jar));
  }

  /** Where {@code -Djarmode=tools extract} would put the jar: the digest's directory. */
  private static Path extractedAsSpringBootWould(Path jar, Path cache) throws IOException {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path app = cache.resolve(name + "-" + ClassData.digest(jar)).resolve("app");
    Files.createDirectories(app);
    return Files.copy(jar, app.resolve(jar.getFileName()));
  }

  /** A runnable jar whose main class prints "hello". */
  private static Path helloJar(Path build, String name) throws IOException {
    Path sources = Files.createDirectories(build.resolve("src"));
    Path classes = Files.createDirectories(build.resolve("classes"));
    Path source =
        Files.writeString(
            sources.resolve("Hello.java"),
            "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello\"); } }");
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(compiled).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
    Path jar = build.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("Hello.class"));
      out.write(Files.readAllBytes(classes.resolve("Hello.class")));
      out.closeEntry();
    }
    return jar;
  }

  private static Result run(ClassData.Launch launch, String... extraOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JAVA.toString()));
    command.addAll(launch.options());
    command.addAll(List.of(extraOptions));
    command.addAll(List.of("-jar", launch.jar().toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
