package org.amicus.workflow.encryption;

import java.util.List;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealExistingData;
import org.amicus.platform.encryption.SealedColumn;
import org.amicus.platform.encryption.SealingMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 5, in Java because it needs the key: seals what was stored in plaintext before
 * workflow-service sealed anything (submission contents and revisions, comments, the journal's
 * details, sent documents). Each column becomes {@code bytea} under its old name. Spring Boot hands
 * this bean to Flyway; migration 4 has copied the co-signing organisations out of the content
 * first, so lists still find them.
 */
@Component
class EncryptExistingData extends SealingMigration {

  private static final List<SealedColumn> COLUMNS =
      List.of(
          SealedColumns.SUBMISSION_CONTENT,
          SealedColumns.REVISION_CONTENT,
          SealedColumns.COMMENT_BODY,
          SealedColumns.EVENT_DETAIL,
          SealedColumns.DISPATCH_DOCUMENT);

  EncryptExistingData(Encryption encryption) {
    super("5", "seal submission texts, comments, journal details and sent documents", encryption);
  }

  @Override
  public void migrate(Context context) throws Exception {
    for (SealedColumn column : COLUMNS) {
      SealExistingData.seal(context.getConnection(), encryption, column);
    }
  }
}
