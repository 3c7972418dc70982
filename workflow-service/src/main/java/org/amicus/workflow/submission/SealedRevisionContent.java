package org.amicus.workflow.submission;

import jakarta.persistence.Converter;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealedText;
import org.amicus.workflow.encryption.SealedColumns;

/** A saved revision's content: plaintext in Java, sealed in the database. */
@Converter
class SealedRevisionContent extends SealedText {

  SealedRevisionContent(Encryption encryption) {
    super(encryption, SealedColumns.REVISION_CONTENT);
  }
}
