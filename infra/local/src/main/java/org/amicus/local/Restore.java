package org.amicus.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.amicus.runtime.Directories;

/**
 * {@code ./amicus restore FROM [--force]}: a backup of {@link Backup} back into {@code .amicus/} of
 * a stopped platform, after which {@code ./amicus up} starts on the restored data. The whole backup
 * is opened and authenticated into a staging directory first: a tampered or cut file changes
 * nothing. Elasticsearch's data is removed, so search-service follows every change feed from its
 * start and rebuilds the index from the restored sources.
 */
final class Restore {

  /** What to restore from and whether existing data may be replaced. */
  record Options(Path from, boolean force) {}

  private final Workspace workspace;
  private final Map<String, String> environment;
  private final PrintStream out;

  Restore(Workspace workspace, Map<String, String> environment, PrintStream out) {
    this.workspace = workspace;
    this.environment = environment;
    this.out = out;
  }

  static Options parse(List<String> args) {
    Path from = null;
    boolean force = false;
    for (String arg : args) {
      if (arg.equals("--force")) {
        force = true;
      } else if (arg.startsWith("-")) {
        throw new UsageException("restore takes a backup file and --force, not " + arg + ".");
      } else if (from == null) {
        from = Path.of(arg);
      } else {
        throw new UsageException("restore takes one backup file, not several.");
      }
    }
    if (from == null) {
      throw new UsageException(
          "restore needs the backup file, e.g. ./amicus restore .amicus/backups/amicus-backup-….sealed.");
    }
    return new Options(from, force);
  }

  void run(Options options) {
    Backup.requireStopped(workspace, "restoring");
    if (!Files.isRegularFile(options.from())) {
      throw new LaunchException("No backup file " + options.from() + ".");
    }
    List<Path> replaced = replaced();
    List<Path> present = replaced.stream().filter(Restore::holdsSomething).toList();
    if (!present.isEmpty() && !options.force()) {
      throw new LaunchException(
          "This platform has data (%s). Restoring replaces it: add --force, or restore into a fresh checkout."
              .formatted(String.join(", ", present.stream().map(this::shown).toList())));
    }
    BackupSeal seal = Backup.key(workspace, environment, false, out);
    workspace.prepare();
    try {
      Properties manifest = unpack(seal, options.from(), workspace.home(), replaced);
      Directories.deleteQuietly(workspace.data(Part.ELASTICSEARCH));
      report(manifest);
    } catch (BackupSeal.TamperedException e) {
      throw new LaunchException(e.getMessage() + " This platform was not changed.", e);
    } catch (IOException e) {
      throw new LaunchException("Could not restore from " + options.from() + ": " + e, e);
    }
  }

  /**
   * Opens the whole backup into a staging directory under {@code base}, then replaces each of
   * {@code contents} (what the backup was made of) with its restored copy.
   *
   * @return the backup's manifest
   * @throws BackupSeal.TamperedException when the backup must not be restored; nothing changed
   */
  static Properties unpack(BackupSeal seal, Path from, Path base, List<Path> contents)
      throws IOException {
    Path staging = base.resolve("restore.partial");
    Directories.deleteQuietly(staging);
    try {
      Files.createDirectories(staging);
      try (InputStream sealed = Files.newInputStream(from)) {
        open(seal, sealed, staging);
      }
      for (Path target : contents) {
        Directories.deleteQuietly(target);
        Files.deleteIfExists(target);
        Path restored = staging.resolve(base.relativize(target));
        if (Files.exists(restored, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target.getParent());
          Files.move(restored, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Properties manifest = new Properties();
      Path file = staging.resolve(Backup.MANIFEST);
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          manifest.load(in);
        }
      }
      return manifest;
    } finally {
      Directories.deleteQuietly(staging);
    }
  }

  private List<Path> replaced() {
    return new ArrayList<>(new Backup(workspace, environment, out).contents());
  }

  private void report(Properties manifest) {
    out.printf(
        "Restored the backup of %s (Amicus %s). Start it with ./amicus up; search-service rebuilds"
            + " its index from the change feeds.%n",
        manifest.getProperty("created"), manifest.getProperty("amicus.version"));
    manifest.stringPropertyNames().stream()
        .filter(name -> name.startsWith("encryption."))
        .sorted()
        .forEach(
            name ->
                out.printf(
                    "  %s when backed up: %s%n",
                    name.substring("encryption.".length()), manifest.getProperty(name)));
  }

  /** Opens the sealed stream while a thread of its own unpacks it into {@code staging}. */
  private static void open(BackupSeal seal, InputStream sealed, Path staging) throws IOException {
    PipedInputStream plain = new PipedInputStream(BackupSeal.SEGMENT);
    AtomicReference<IOException> unpacking = new AtomicReference<>();
    Thread reader;
    try (PipedOutputStream pipe = new PipedOutputStream(plain)) {
      reader =
          new Thread(
              () -> {
                try (plain) {
                  BackupArchive.read(plain, staging);
                  plain.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                  unpacking.set(e);
                }
              },
              "amicus-restore");
      reader.setDaemon(true);
      reader.start();
      try {
        seal.open(sealed, pipe);
      } finally {
        // the unpacking ends at the pipe's end; nothing may write to staging once this returns
        pipe.close();
        try {
          reader.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("Interrupted", e);
        }
      }
    }
    if (unpacking.get() != null) {
      throw unpacking.get();
    }
  }

  private static boolean holdsSomething(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.list(path)) {
        return entries.findAny().isPresent();
      } catch (IOException e) {
        return true;
      }
    }
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  private String shown(Path path) {
    return workspace.root().relativize(path).toString();
  }
}
