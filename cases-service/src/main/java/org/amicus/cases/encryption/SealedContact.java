package org.amicus.cases.encryption;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A person's contact data: plaintext in Java, sealed in the database. */
@Converter
public class SealedContact implements AttributeConverter<String, byte[]> {

  private final Encryption encryption;

  public SealedContact(Encryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public byte[] convertToDatabaseColumn(String contact) {
    return encryption.sealText(contact, SealedColumn.PERSON_CONTACT.purpose());
  }

  @Override
  public String convertToEntityAttribute(byte[] sealed) {
    return encryption.openText(sealed, SealedColumn.PERSON_CONTACT.purpose());
  }
}
