package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on a stopped platform's files. The drill in infra/e2e restores a real one and checks
 * what users see.
 */
class BackupRestoreTest {

  private static final String KEY = BackupSeal.newKey();

  @TempDir Path machine;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void aRestoreIntoAFreshCheckoutHoldsEveryBackedUpFileWithItsPermissions() throws IOException {
    Workspace first = platform("first");
    Map<String, String> written = files(first);

    Path backup = backup(first, Map.of()).run(Optional.of(machine.resolve("backups")));
    Workspace fresh = new Workspace(Files.createDirectories(machine.resolve("fresh")));
    Files.createDirectories(fresh.data(Part.ELASTICSEARCH).resolve("nodes"));
    new Restore(fresh, Map.of(Backup.KEY_VARIABLE, KEY), out)
        .run(new Restore.Options(backup, false));

    assertThat(files(fresh)).isEqualTo(written);
    assertThat(Files.getPosixFilePermissions(fresh.data(Part.POSTGRES)))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(fresh.data(Part.ELASTICSEARCH)).doesNotExist();
    assertThat(output.toString())
        .contains("AMICUS_ENCRYPTION_KEY when backed up: key id ")
        .contains("AMICUS_WORKFLOW_ENCRYPTION_KEY when backed up: unset");
  }

  @Test
  void theBackupKeyIsGeneratedOnceOutsideTheBackupAndNeededToRestore() throws IOException {
    Workspace first = platform("first");
    Path backup = new Backup(first, Map.of(), out).run(Optional.empty());
    Path key = first.home().resolve("backup.key");

    assertThat(backup).startsWith(first.home().resolve("backups"));
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Workspace fresh = new Workspace(Files.createDirectories(machine.resolve("fresh")));
    assertThatThrownBy(
            () -> new Restore(fresh, Map.of(), out).run(new Restore.Options(backup, false)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("No backup key");
    new Restore(fresh, Map.of(Backup.KEY_VARIABLE, Files.readString(key)), out)
        .run(new Restore.Options(backup, false));
    assertThat(files(fresh)).isEqualTo(files(first));
  }

  @Test
  void aTamperedBackupChangesNothing() throws IOException {
    Workspace first = platform("first");
    Path backup = backup(first, Map.of()).run(Optional.of(machine.resolve("backups")));
    byte[] bytes = Files.readAllBytes(backup);
    bytes[bytes.length / 2] ^= 1;
    Files.write(backup, bytes);
    Workspace other = platform("other");
    Files.writeString(other.data(Part.POSTGRES).resolve("base/1/1259"), "the other's own");
    Map<String, String> before = files(other);

    assertThatThrownBy(
            () ->
                new Restore(other, Map.of(Backup.KEY_VARIABLE, KEY), out)
                    .run(new Restore.Options(backup, true)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("altered or damaged")
        .hasMessageContaining("not changed");
    assertThat(files(other)).isEqualTo(before);
    assertThat(other.home().resolve("restore.partial")).doesNotExist();
  }

  @Test
  void existingDataIsReplacedOnlyWithForce() throws IOException {
    Path backup = backup(platform("first"), Map.of()).run(Optional.of(machine.resolve("b")));
    Workspace other = platform("other");
    Files.writeString(other.data(Part.POSTGRES).resolve("only-here"), "x");

    assertThatThrownBy(
            () ->
                new Restore(other, Map.of(Backup.KEY_VARIABLE, KEY), out)
                    .run(new Restore.Options(backup, false)))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("--force");
    new Restore(other, Map.of(Backup.KEY_VARIABLE, KEY), out)
        .run(new Restore.Options(backup, true));
    assertThat(other.data(Part.POSTGRES).resolve("only-here")).doesNotExist();
  }

  @Test
  void aPlatformThatNeverRanHasNothingToBackUp() throws IOException {
    Workspace empty = new Workspace(Files.createDirectories(machine.resolve("empty")));

    assertThatThrownBy(() -> backup(empty, Map.of()).run(Optional.empty()))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("Nothing to back up");
  }

  private Backup backup(Workspace workspace, Map<String, String> extra) {
    Map<String, String> env = new TreeMap<>(extra);
    env.put(Backup.KEY_VARIABLE, KEY);
    env.put("AMICUS_ENCRYPTION_KEY", BackupSeal.newKey());
    return new Backup(workspace, env, out);
  }

  /** The files a stopped platform leaves, in miniature. */
  private Workspace platform(String name) throws IOException {
    Workspace workspace = new Workspace(Files.createDirectories(machine.resolve(name)));
    workspace.prepare();
    Path postgres = Files.createDirectories(workspace.data(Part.POSTGRES).resolve("base/1"));
    Files.writeString(workspace.data(Part.POSTGRES).resolve("PG_VERSION"), "17\n");
    Files.writeString(postgres.resolve("1259"), "cases of " + name);
    Files.setPosixFilePermissions(
        workspace.data(Part.POSTGRES), PosixFilePermissions.fromString("rwx------"));
    Path keycloak = Files.createDirectories(workspace.data(Part.KEYCLOAK).resolve("data/h2"));
    Files.writeString(keycloak.resolve("keycloakdb.mv.db"), "users of " + name);
    Files.createDirectories(workspace.data(Part.KEYCLOAK).resolve("bin"));
    Files.writeString(workspace.secrets(), "AMICUS_POSTGRES_PASSWORD=" + name);
    return workspace;
  }

  /** Every file under data/ and the secrets, by relative path, with contents. */
  private static Map<String, String> files(Workspace workspace) throws IOException {
    Map<String, String> files = new TreeMap<>();
    files.put("secrets", Files.readString(workspace.secrets()));
    for (Path top :
        List.of(workspace.data(Part.POSTGRES), workspace.data(Part.KEYCLOAK).resolve("data"))) {
      try (Stream<Path> walk = Files.walk(top)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(workspace.home().relativize(file).toString(), Files.readString(file));
        }
      }
    }
    return files;
  }
}
