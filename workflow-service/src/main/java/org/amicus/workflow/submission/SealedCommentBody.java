package org.amicus.workflow.submission;

import jakarta.persistence.Converter;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealedText;
import org.amicus.workflow.encryption.SealedColumns;

/** A comment's body: plaintext in Java, sealed in the database. */
@Converter
class SealedCommentBody extends SealedText {

  SealedCommentBody(Encryption encryption) {
    super(encryption, SealedColumns.COMMENT_BODY);
  }
}
