package org.amicus.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.amicus.runtime.Postmaster;

/**
 * {@code ./amicus backup [--to DIR]}: a sealed copy of a stopped local platform: PostgreSQL's data
 * directory (both services' databases, with the audit trail, documents and sent submissions),
 * Keycloak's database (users, credentials, OTP devices, the realm as imported), the generated
 * secrets, and a manifest naming the encryption keys the sealed columns need. Elasticsearch is not
 * in it: the index is derived and rebuilt from the change feeds.
 *
 * <p>The platform must be stopped: a stopped PostgreSQL's data directory is a consistent copy by
 * itself, and Keycloak's dev-mode H2 file cannot be copied consistently while Keycloak holds it.
 * Locally that stop is a minute; clusters back up online (CloudNativePG).
 */
final class Backup {

  /** The backup key when set: base64 of 32 bytes. Otherwise {@code .amicus/backup.key}. */
  static final String KEY_VARIABLE = "AMICUS_BACKUP_KEY";

  static final String MANIFEST = "manifest.properties";

  /** The encryption keys of the services, by their environment variables. */
  static final List<String> ENCRYPTION_KEYS =
      List.of(
          "AMICUS_ENCRYPTION_KEY",
          "AMICUS_ENCRYPTION_PREVIOUS_KEYS",
          "AMICUS_WORKFLOW_ENCRYPTION_KEY",
          "AMICUS_WORKFLOW_ENCRYPTION_PREVIOUS_KEYS");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Workspace workspace;
  private final Map<String, String> environment;
  private final PrintStream out;

  Backup(Workspace workspace, Map<String, String> environment, PrintStream out) {
    this.workspace = workspace;
    this.environment = environment;
    this.out = out;
  }

  /** {@code [--to DIR]}: where the backup file goes, {@code .amicus/backups} by default. */
  static Optional<Path> parse(List<String> args) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String first = args.get(0);
    if (first.startsWith("--to=") && args.size() == 1 && first.length() > "--to=".length()) {
      return Optional.of(Path.of(first.substring("--to=".length())));
    }
    if (first.equals("--to") && args.size() == 2 && !args.get(1).isBlank()) {
      return Optional.of(Path.of(args.get(1)));
    }
    if (first.equals("--to") || first.equals("--to=")) {
      throw new UsageException("--to needs a directory, e.g. --to /media/usb/amicus.");
    }
    throw new UsageException("backup takes only --to DIR, not " + String.join(" ", args) + ".");
  }

  /**
   * @return the backup file written
   */
  Path run(Optional<Path> to) {
    requireStopped(workspace, "backing up");
    Path postgres = workspace.data(Part.POSTGRES);
    if (!Files.isRegularFile(postgres.resolve("PG_VERSION"))) {
      throw new LaunchException(
          "Nothing to back up: " + postgres + " holds no database. Start Amicus once first.");
    }
    BackupSeal seal = key(workspace, environment, true, out);
    Path directory = to.orElse(workspace.home().resolve("backups")).toAbsolutePath().normalize();
    Instant now = Instant.now();
    Path file;
    try {
      file =
          write(
              seal, workspace.home(), Map.of(MANIFEST, manifest(now)), contents(), directory, now);
    } catch (IOException e) {
      throw new LaunchException("Could not write the backup to " + directory + ": " + e, e);
    }
    out.printf(
        "Backed up to %s (%d MB), sealed with backup key id %s.%n",
        file, size(file) >> 20, seal.keyId());
    out.println(
        "It holds the databases, Keycloak's users and the secrets; Elasticsearch is rebuilt after a"
            + " restore. Restore it with ./amicus restore "
            + file);
    return file;
  }

  /** What goes in, relative to {@code .amicus/}. */
  List<Path> contents() {
    return List.of(
        workspace.secrets(),
        workspace.data(Part.POSTGRES),
        workspace.data(Part.KEYCLOAK).resolve("data"));
  }

  /**
   * Seals {@code files} (generated contents by name) and {@code contents} (relative to {@code
   * base}) into a new file in {@code directory}, owner-only, complete or not there at all.
   */
  static Path write(
      BackupSeal seal,
      Path base,
      Map<String, byte[]> files,
      List<Path> contents,
      Path directory,
      Instant now)
      throws IOException {
    Path file = directory.resolve("amicus-backup-" + STAMP.format(now) + ".sealed");
    Files.createDirectories(directory);
    Path partial =
        Files.createTempFile(
            directory,
            ".amicus-backup",
            ".partial",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream sealed = Files.newOutputStream(partial)) {
        seal.seal(archive(base, files, contents), sealed);
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return file;
  }

  /** The archive as a stream, written by a thread of its own while the seal reads it. */
  private static InputStream archive(Path base, Map<String, byte[]> files, List<Path> contents)
      throws IOException {
    PipedInputStream in = new PipedInputStream(BackupSeal.SEGMENT);
    PipedOutputStream pipe = new PipedOutputStream(in);
    AtomicReference<IOException> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try (pipe) {
                BackupArchive.write(base, files, contents, pipe);
              } catch (IOException e) {
                failure.set(e);
              }
            },
            "amicus-backup");
    writer.setDaemon(true);
    writer.start();
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return check(in.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return check(in.read(b, off, len));
      }

      private int check(int n) throws IOException {
        if (n < 0) {
          try {
            writer.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
          }
          if (failure.get() != null) {
            throw failure.get();
          }
        }
        return n;
      }
    };
  }

  /**
   * The encryption key reference: which keys sealed the columns (their ids, never the keys), so a
   * restore can tell which key it needs.
   */
  private byte[] manifest(Instant now) throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("amicus.version", Up.version());
    manifest.setProperty("created", now.toString());
    manifest.setProperty(
        "postgres.version",
        Files.readString(workspace.data(Part.POSTGRES).resolve("PG_VERSION")).trim());
    Map<String, String> keys = new TreeMap<>();
    for (String variable : ENCRYPTION_KEYS) {
      String value = environment.get(variable);
      if (variable.endsWith("_KEY")) {
        keys.put(
            variable,
            value == null || value.isBlank()
                ? "unset: the demo profile's public development key"
                : "key id " + keyIds(value));
      } else if (value != null && !value.isBlank()) {
        keys.put(variable, "key ids " + keyIds(value));
      }
    }
    keys.forEach(
        (variable, reference) -> manifest.setProperty("encryption." + variable, reference));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    manifest.store(bytes, " What this backup holds; the keys themselves are kept apart from it.");
    return bytes.toByteArray();
  }

  private static String keyIds(String base64Keys) {
    StringBuilder ids = new StringBuilder();
    for (String key : base64Keys.split(",")) {
      if (!ids.isEmpty()) {
        ids.append(", ");
      }
      try {
        ids.append(
            HexFormat.of().formatHex(BackupSeal.idOf(Base64.getDecoder().decode(key.trim()))));
      } catch (IllegalArgumentException e) {
        ids.append("(not base64)");
      }
    }
    return ids.toString();
  }

  /**
   * The backup key: {@code AMICUS_BACKUP_KEY}, else {@code .amicus/backup.key}, generated there at
   * the first backup (never inside a backup: it opens them all).
   */
  static BackupSeal key(
      Workspace workspace, Map<String, String> environment, boolean create, PrintStream out) {
    String variable = environment.get(KEY_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return BackupSeal.ofBase64(variable, KEY_VARIABLE);
    }
    Path file = workspace.home().resolve("backup.key");
    try {
      if (Files.isRegularFile(file)) {
        return BackupSeal.ofBase64(
            Files.readString(file, StandardCharsets.US_ASCII), file.toString());
      }
      if (!create) {
        throw new LaunchException(
            "No backup key: set "
                + KEY_VARIABLE
                + " to the key the backup was sealed with, or put it in "
                + file
                + ".");
      }
      Files.createDirectories(workspace.home());
      String key = BackupSeal.newKey();
      Path tmp =
          Files.createTempFile(
              workspace.home(),
              "backup.key",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, key + System.lineSeparator(), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      out.printf(
          "Generated the backup key %s. Keep a copy apart from the backups (a password manager):"
              + " without it no backup can be restored.%n",
          file);
      return BackupSeal.ofBase64(key, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + file, e);
    }
  }

  /** Refuses while a launcher runs, or a PostgreSQL server still holds the data directory. */
  static void requireStopped(Workspace workspace, String doing) {
    boolean launcher =
        RunFile.read(workspace.runFile()).flatMap(c -> c.launcher().find()).isPresent();
    if (launcher || Postmaster.of(workspace.data(Part.POSTGRES)).isPresent()) {
      throw new LaunchException(
          "Amicus is running. Stop it with ./amicus down before "
              + doing
              + " (a stopped database is a consistent copy).");
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
