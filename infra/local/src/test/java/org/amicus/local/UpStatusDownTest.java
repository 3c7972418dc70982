package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.amicus.runtime.Ports;
import org.amicus.runtime.Postmaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as users run it (separate JVMs for up, status and down), with real PostgreSQL and
 * SMTP on free ports in a temporary checkout: the fixed ports may be taken where this runs.
 */
class UpStatusDownTest {

  @TempDir Path root;

  private Process up;

  @AfterEach
  void stopWhateverIsLeft() {
    if (up != null && up.isAlive()) {
      Processes.stop(List.of(up.toHandle()), Duration.ofSeconds(30));
    }
  }

  @Test
  void upStartsTheDependenciesStatusReportsThemHealthyAndDownLeavesNothing() throws Exception {
    int postgresPort = Ports.free();
    int smtpPort = freeSmtpPort();
    up =
        launcher(
                "up",
                "--only",
                "postgres,smtp",
                "--postgres-port",
                Integer.toString(postgresPort),
                "--smtp-port",
                Integer.toString(smtpPort))
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("up.out").toFile())
            .start();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .failFast("the launcher exited", () -> !up.isAlive())
        .until(() -> run("status", "--json").exitCode() == Status.ALL_UP);

    Result status = run("status", "--json");
    JsonNode report = RunFile.JSON.readTree(status.output());
    assertThat(report.path("healthy").asBoolean()).isTrue();
    assertThat(report.path("launcherPid").asLong()).isEqualTo(up.pid());
    assertThat(report.path("components").findValuesAsText("name"))
        .containsExactly("postgres", "smtp");
    assertThat(report.path("components").findValuesAsText("health")).containsOnly("up");
    assertThat(report.path("components").findValuesAsText("url"))
        .containsExactly("postgresql://127.0.0.1:" + postgresPort, "smtp://127.0.0.1:" + smtpPort);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve(".amicus/secrets.properties"))))
        .isEqualTo("rw-------");

    List<ProcessHandle> started = new ArrayList<>(up.descendants().toList());
    started.add(up.toHandle());
    Postmaster.of(root.resolve(".amicus/data/postgres")).ifPresent(started::add);
    assertThat(started).hasSizeGreaterThanOrEqualTo(4); // launcher, 2 supervisors, PostgreSQL

    Result down = run("down");
    assertThat(down.exitCode()).isZero();
    assertThat(down.output()).contains("Stopped.");
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(Ports.isFree(postgresPort)).isTrue();
    assertThat(run("status", "--json").exitCode()).isEqualTo(Status.NOT_RUNNING);
  }

  private record Result(int exitCode, String output) {}

  private Result run(String... args) throws IOException, InterruptedException {
    Path output = Files.createTempFile(root, "out", ".txt");
    Process process =
        launcher(args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("./amicus " + String.join(" ", args) + " did not end");
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** What the amicus script runs: the launcher's classes and its generated classpath. */
  private ProcessBuilder launcher(String... args) throws IOException {
    String classpath =
        Path.of("target/classes").toAbsolutePath()
            + File.pathSeparator
            + Files.readString(Path.of("target/launcher-classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx128m", "-D" + Workspace.ROOT_PROPERTY + "=" + root));
    command.addAll(List.of("-cp", classpath, Amicus.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(root.toFile());
  }

  /** A port whose IMAP neighbour (+118) is free too. */
  private static int freeSmtpPort() {
    int port = Ports.free();
    while (port + Part.IMAP_OFFSET > 65535 || !Ports.isFree(port + Part.IMAP_OFFSET)) {
      port = Ports.free();
    }
    return port;
  }
}
