package org.amicus.workflow.submission;

import jakarta.persistence.Converter;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealedText;
import org.amicus.workflow.encryption.SealedColumns;

/** A submission's content: plaintext in Java, sealed in the database. */
@Converter
class SealedSubmissionContent extends SealedText {

  SealedSubmissionContent(Encryption encryption) {
    super(encryption, SealedColumns.SUBMISSION_CONTENT);
  }
}
