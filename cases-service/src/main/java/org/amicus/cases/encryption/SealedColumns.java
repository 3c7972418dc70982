package org.amicus.cases.encryption;

import org.amicus.platform.encryption.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every column of cases-service holding sealed values, with the purpose each value is sealed for;
 * key rotation re-seals exactly these (and the change feed's documents, which the platform adds).
 */
@Configuration(proxyBeanMethods = false)
public class SealedColumns {

  public static final SealedColumn PERSON_CONTACT =
      SealedColumn.of("person", "contact_sealed", "id");
  public static final SealedColumn DOCUMENT_CONTENT =
      SealedColumn.of("case_document_content", "content", "document_id");

  @Bean
  SealedColumn personContact() {
    return PERSON_CONTACT;
  }

  @Bean
  SealedColumn documentContent() {
    return DOCUMENT_CONTENT;
  }
}
