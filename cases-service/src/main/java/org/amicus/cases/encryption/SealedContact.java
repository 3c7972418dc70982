package org.amicus.cases.encryption;

import jakarta.persistence.Converter;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealedText;

/** A person's contact data: plaintext in Java, sealed in the database. */
@Converter
public class SealedContact extends SealedText {

  public SealedContact(Encryption encryption) {
    super(encryption, SealedColumns.PERSON_CONTACT);
  }
}
