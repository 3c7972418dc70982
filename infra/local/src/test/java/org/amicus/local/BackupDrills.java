package org.amicus.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The backup's own sealing and unpacking for the restore drill in infra/e2e, whose platform keeps
 * its PostgreSQL data directory outside {@code .amicus/}: the same code {@code ./amicus backup} and
 * {@code ./amicus restore} run, on other directories.
 */
public final class BackupDrills {

  private BackupDrills() {}

  /** A new backup key, base64. */
  public static String newKey() {
    return BackupSeal.newKey();
  }

  /** Seals {@code directories} (under {@code base}) into a new file in {@code to}. */
  public static Path backUp(String key, Path base, List<Path> directories, Path to)
      throws IOException {
    return Backup.write(
        BackupSeal.ofBase64(key, "the drill's key"),
        base,
        Map.of(),
        directories,
        to,
        Instant.now());
  }

  /** Replaces {@code directories} (under {@code base}) with what the backup holds of them. */
  public static void restore(String key, Path backup, Path base, List<Path> directories)
      throws IOException {
    Restore.unpack(BackupSeal.ofBase64(key, "the drill's key"), backup, base, directories);
  }
}
