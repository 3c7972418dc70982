package org.amicus.platform.encryption;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A service's Flyway migration that seals what was stored in plaintext. It is Java, not SQL,
 * because it needs the key; Spring Boot hands the service's bean to Flyway. It runs in the
 * migration's transaction, so it seals everything or nothing.
 */
public abstract class SealingMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;
  protected final Encryption encryption;

  protected SealingMigration(String version, String description, Encryption encryption) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
    this.encryption = encryption;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  /** No checksum: the migration's effect depends on the key, not only on its code. */
  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public abstract void migrate(Context context) throws Exception;
}
