package org.amicus.cases.encryption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.SealingMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 8, in Java because it needs the key: moves contact data into a sealed column and seals
 * the document contents stored before encryption existed. Spring Boot hands this bean to Flyway.
 */
@Component
class EncryptExistingData extends SealingMigration {

  EncryptExistingData(Encryption encryption) {
    super("8", "encrypt contact data and document contents", encryption);
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection db = context.getConnection();
    try (Statement s = db.createStatement()) {
      s.execute("alter table person add column contact_sealed bytea");
    }
    String contact = SealedColumns.PERSON_CONTACT.purpose();
    try (PreparedStatement read =
            db.prepareStatement("select id, contact from person where contact is not null");
        PreparedStatement write =
            db.prepareStatement("update person set contact_sealed = ? where id = ?");
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        write.setBytes(1, encryption.sealText(rs.getString(2), contact));
        write.setLong(2, rs.getLong(1));
        write.executeUpdate();
      }
    }
    try (Statement s = db.createStatement()) {
      s.execute("alter table person drop column contact");
    }
    String content = SealedColumns.DOCUMENT_CONTENT.purpose();
    List<Long> ids = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select document_id from case_document_content")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    // One document at a time: contents may be large.
    try (PreparedStatement read =
            db.prepareStatement("select content from case_document_content where document_id = ?");
        PreparedStatement write =
            db.prepareStatement(
                "update case_document_content set content = ? where document_id = ?")) {
      for (Long id : ids) {
        read.setLong(1, id);
        byte[] plain;
        try (ResultSet rs = read.executeQuery()) {
          rs.next();
          plain = rs.getBytes(1);
        }
        write.setBytes(1, encryption.seal(plain, content));
        write.setLong(2, id);
        write.executeUpdate();
      }
    }
  }
}
