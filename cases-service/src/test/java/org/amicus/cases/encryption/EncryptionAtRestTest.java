package org.amicus.cases.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amicus.cases.CasesIntegrationTest;
import org.amicus.platform.encryption.Encryption;
import org.amicus.platform.encryption.KeyRotation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What a database dump holds: neither contact data nor document contents in the clear. */
class EncryptionAtRestTest extends CasesIntegrationTest {

  static final String CONTACT = "+7 701 555 0101, Алматы, ул. Абая 10";

  @Autowired KeyRotation rotation;
  @Autowired Encryption encryption;

  long person() throws Exception {
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/persons",
            null,
            """
            {"originalName": "Шарипов Марат", "pseudonym": "M.S.", "visibility": "ORGANISATION",
             "contact": "%s"}
            """
                .formatted(CONTACT));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return body(created).get("id").asLong();
  }

  byte[] storedContact(long id) {
    return jdbc.queryForObject("select contact_sealed from person where id = ?", byte[].class, id);
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void contactDataIsSealedInTheDatabaseAndReadableThroughTheApi() throws Exception {
    long id = person();
    byte[] stored = storedContact(id);
    assertThat(contains(stored, CONTACT.getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(contains(stored, "555 0101".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(encryption.isCurrent(stored)).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.columns"
                    + " where table_name = 'person' and column_name = 'contact'",
                Long.class))
        .as("no plaintext contact column is left")
        .isZero();
    assertThat(body(getAs(ANNA, "/api/persons/" + id)).get("contact").asText()).isEqualTo(CONTACT);
  }

  @Test
  void documentContentsAreSealedInTheDatabase() throws Exception {
    long caseId =
        body(send(
                ANNA,
                "POST",
                "/api/cases",
                null,
                """
                {"title": "Sealed", "country": "KZ", "status": "OPEN", "riskLevel": "LOW",
                 "visibility": "ORGANISATION"}
                """))
            .get("id")
            .asLong();
    byte[] report =
        "Medical report: two fractured ribs after interrogation\n".getBytes(StandardCharsets.UTF_8);
    JsonNode d =
        body(
            call(
                ANNA,
                MockMvcRequestBuilders.multipart("/api/cases/" + caseId + "/documents")
                    .file(new MockMultipartFile("file", "report.txt", "text/plain", report))));
    byte[] stored =
        jdbc.queryForObject(
            "select content from case_document_content where document_id = ?",
            byte[].class,
            d.get("id").asLong());
    assertThat(contains(stored, "fractured".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(
            getAs(ANNA, "/api/cases/" + caseId + "/documents/" + d.get("id").asLong() + "/content")
                .getContentAsByteArray())
        .isEqualTo(report);
  }

  @Test
  void aValueSealedWithAPreviousKeyStaysReadableAndIsResealedWithTheCurrentOne() throws Exception {
    long id = person();
    Encryption previous = new Encryption(PREVIOUS_TEST_KEY, List.of());
    jdbc.update(
        "update person set contact_sealed = ? where id = ?",
        previous.sealText("+7 777 000 0000", SealedColumns.PERSON_CONTACT.purpose()),
        id);
    assertThat(body(getAs(ANNA, "/api/persons/" + id)).get("contact").asText())
        .isEqualTo("+7 777 000 0000");
    assertThat(rotation.outdated().get(SealedColumns.PERSON_CONTACT)).isPositive();

    assertThat(rotation.reencrypt().get(SealedColumns.PERSON_CONTACT)).isPositive();

    assertThat(encryption.isCurrent(storedContact(id))).isTrue();
    assertThat(rotation.outdated().get(SealedColumns.PERSON_CONTACT)).isZero();
    assertThat(body(getAs(ANNA, "/api/persons/" + id)).get("contact").asText())
        .isEqualTo("+7 777 000 0000");
  }
}
