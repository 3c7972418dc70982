package org.amicus.platform.encryption;

import jakarta.persistence.AttributeConverter;

/**
 * A text attribute that is plaintext in Java and sealed in its {@code bytea} column. A service
 * declares one small {@code @Converter} subclass per column (Hibernate creates it as a Spring bean,
 * with the {@link Encryption}).
 */
public abstract class SealedText implements AttributeConverter<String, byte[]> {

  private final Encryption encryption;
  private final String purpose;

  protected SealedText(Encryption encryption, SealedColumn column) {
    this.encryption = encryption;
    this.purpose = column.purpose();
  }

  @Override
  public byte[] convertToDatabaseColumn(String text) {
    return encryption.sealText(text, purpose);
  }

  @Override
  public String convertToEntityAttribute(byte[] sealed) {
    return encryption.openText(sealed, purpose);
  }
}
