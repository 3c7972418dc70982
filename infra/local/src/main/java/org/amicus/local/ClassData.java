package org.amicus.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.amicus.runtime.Directories;

/**
 * Class Data Sharing for an application: its jar extracted once (Spring Boot's {@code
 * -Djarmode=tools extract}), run from the extracted jar, and the classes it loaded kept in a
 * dynamic archive that the next start maps instead of loading and verifying them again. Everything
 * is kept under one directory per jar digest, so a rebuilt jar never meets an old archive; any
 * failure means the plain jar, as before.
 *
 * <p>The first start without an archive records one ({@code -XX:ArchiveClassesAtExit}); the JVM
 * writes it when the application stops (Ctrl-C, {@code ./amicus down}), and only an application
 * that stopped cleanly has it kept ({@link Launch#keepArchive(int)}).
 */
final class ClassData {

  /** The extraction is quick (a second or two); a stuck one must not hold the start up. */
  private static final long EXTRACT_TIMEOUT_SECONDS = 120;

  /** Recordings older than this were left by a launcher that was killed. */
  static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  /** Exit codes of a JVM that stopped cleanly: System.exit(0), or SIGTERM's 128 + 15. */
  private static final List<Integer> CLEAN_EXITS = List.of(0, 143);

  private ClassData() {}

  /**
   * How to start the jar.
   *
   * @param options the JVM options for Class Data Sharing, none for the plain jar
   * @param jar the jar to run: the extracted one, or the original when extraction failed
   * @param recording the archive the JVM writes on exit, when there is none yet
   * @param archive where a kept recording goes
   */
  record Launch(List<String> options, Path jar, Optional<Path> recording, Path archive) {

    static Launch plain(Path jar) {
      return new Launch(List.of(), jar, Optional.empty(), jar);
    }

    /** Keeps the recorded archive of a JVM that stopped cleanly; drops a partial one. */
    void keepArchive(int exitCode) {
      recording.ifPresent(
          written -> {
            try {
              if (CLEAN_EXITS.contains(exitCode) && Files.size(written) > 0) {
                moveAtomically(written, archive);
              } else {
                Files.deleteIfExists(written);
              }
            } catch (IOException e) {
              // the next start records again
            }
          });
    }
  }

  /**
   * Prepares the jar's extracted copy under {@code cache} (once per digest) and says how to start
   * it: with the archive when one was kept, recording one otherwise.
   */
  static Launch prepare(Path java, Path jar, Path cache) {
    try {
      String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      Path dir = cache.resolve(name + "-" + knownDigest(jar, cache));
      Path extracted = dir.resolve("app");
      if (!Files.isDirectory(extracted)) {
        Files.createDirectories(cache);
        removeOtherVersions(cache, name, dir);
        extract(java, jar, dir);
      }
      Path runnable = extracted.resolve(jar.getFileName());
      if (!Files.isRegularFile(runnable)) {
        return Launch.plain(jar);
      }
      // the JVM's own version in the name: another JDK never maps this one's archive
      Path archive = dir.resolve("classes-" + Runtime.version() + ".jsa");
      if (Files.isRegularFile(archive)) {
        return new Launch(
            List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
            runnable,
            Optional.empty(),
            archive);
      }
      removeAbandonedRecordings(dir);
      Path recording =
          dir.resolve(
              "recording-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa");
      return new Launch(
          List.of(
              "-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
          runnable,
          Optional.of(recording),
          archive);
    } catch (IOException | UncheckedIOException e) {
      return Launch.plain(jar);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Launch.plain(jar);
    }
  }

  /** Extracts into a directory of its own first, so a half-done extraction is never used. */
  private static void extract(Path java, Path jar, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path partial = Files.createTempDirectory(dir, "extracting-");
    try {
      Process process =
          new ProcessBuilder(
                  java.toString(),
                  "-Djarmode=tools",
                  "-jar",
                  jar.toString(),
                  "extract",
                  "--destination",
                  partial.resolve("app").toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return;
      }
      if (process.exitValue() == 0) {
        try {
          Files.move(partial.resolve("app"), dir.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // another launcher (an end-to-end test) extracted the same jar at the same time
        }
      }
    } finally {
      Directories.deleteQuietly(partial);
    }
  }

  /**
   * A recording whose launcher was killed before its application stopped is never kept: once it is
   * older than any start could be, it is only disk space.
   */
  private static void removeAbandonedRecordings(Path dir) throws IOException {
    Instant before = Instant.now().minus(ABANDONED_AFTER);
    try (DirectoryStream<Path> recordings = Files.newDirectoryStream(dir, "recording-*.jsa")) {
      for (Path recording : recordings) {
        if (Files.getLastModifiedTime(recording).toInstant().isBefore(before)) {
          Files.deleteIfExists(recording);
        }
      }
    }
  }

  /** A rebuilt jar leaves the previous build's copy behind: it is never used again. */
  private static void removeOtherVersions(Path cache, String name, Path keep) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cache, name + "-*")) {
      for (Path dir : dirs) {
        String suffix = dir.getFileName().toString().substring(name.length() + 1);
        if (!dir.equals(keep) && suffix.matches("[0-9a-f]{16}")) {
          stale.add(dir);
        }
      }
    }
    for (Path dir : stale) {
      Directories.deleteQuietly(dir);
    }
  }

  /**
   * The jar's digest, computed again only when its size or modification time changed: hashing four
   * jars of 70-110 MB at every start cost the launcher seconds on a busy machine.
   */
  private static String knownDigest(Path jar, Path cache) throws IOException {
    String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    Path known = cache.resolve(jar.getFileName() + ".sha256");
    if (Files.isRegularFile(known)) {
      String line = Files.readString(known).trim();
      if (line.startsWith(stamp + " ")) {
        return line.substring(stamp.length() + 1);
      }
    }
    String digest = digest(jar);
    Files.createDirectories(cache);
    Path written = Files.createTempFile(cache, jar.getFileName().toString(), ".tmp");
    Files.writeString(written, stamp + " " + digest);
    moveAtomically(written, known);
    return digest;
  }

  static String digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
