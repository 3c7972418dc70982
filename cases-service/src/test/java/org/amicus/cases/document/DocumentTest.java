package org.amicus.cases.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Documents of a case: checked on upload, kept with the owner organisation, audited. */
class DocumentTest extends CasesIntegrationTest {

  @LocalServerPort int port;

  long newCase(String visibility) throws Exception {
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            """
            {"title": "Documents", "country": "KZ", "status": "OPEN", "riskLevel": "HIGH",
             "visibility": "%s"}
            """
                .formatted(visibility));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    return body(created).get("id").asLong();
  }

  MockHttpServletResponse upload(String user, long caseId, MockMultipartFile file, String... params)
      throws Exception {
    var request = MockMvcRequestBuilders.multipart("/api/cases/" + caseId + "/documents");
    if (file != null) {
      request.file(file);
    }
    for (int i = 0; i + 1 < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return call(user, request);
  }

  long stored(long caseId) {
    return jdbc.queryForObject(
        "select count(*) from case_document where case_id = ?", Long.class, caseId);
  }

  @Test
  void theOwnerUploadsListsDownloadsAndDeletesAndEachStepIsAudited() throws Exception {
    long caseId = newCase("COALITION");
    byte[] pdf = ContentCheckTest.PDF;
    MockHttpServletResponse uploaded =
        upload(
            ANNA,
            caseId,
            new MockMultipartFile("file", "Приговор 2019.pdf", "application/pdf", pdf),
            "kind",
            "COURT_DECISION",
            "description",
            "Verdict of the Almaty court");
    assertThat(uploaded.getStatus()).as(uploaded.getContentAsString()).isEqualTo(201);
    JsonNode d = body(uploaded);
    String sha = DocumentService.sha256(pdf);
    assertThat(d.get("sha256").asText()).isEqualTo(sha);
    assertThat(d.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(d.get("fileName").asText()).isEqualTo("Приговор 2019.pdf");
    assertThat(d.get("kind").asText()).isEqualTo("COURT_DECISION");
    assertThat(uploaded.getHeader("ETag")).isEqualTo("\"" + sha + "\"");
    String documents = "/api/cases/" + caseId + "/documents";

    JsonNode list = body(getAs(ANNA, documents));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("sha256").asText()).isEqualTo(sha);

    MockHttpServletResponse download =
        getAs(ANNA, documents + "/" + d.get("id").asLong() + "/content");
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
    assertThat(download.getContentType()).isEqualTo("application/pdf");
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
    assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeader("Repr-Digest")).startsWith("sha-256=:");

    // The case is shared with the coalition; its documents are not.
    assertThat(getAs(MARCO, "/api/cases/" + caseId).getStatus()).isEqualTo(200);
    assertThat(getAs(MARCO, documents).getStatus()).isEqualTo(403);
    assertThat(getAs(MARCO, documents + "/" + d.get("id").asLong() + "/content").getStatus())
        .isEqualTo(403);

    String document = documents + "/" + d.get("id").asLong();
    assertThat(send(ANNA, "DELETE", document, null, null).getStatus()).isEqualTo(428);
    assertThat(send(ANNA, "DELETE", document, "\"stale\"", null).getStatus()).isEqualTo(412);
    assertThat(send(ANNA, "DELETE", document, "\"" + sha + "\"", null).getStatus()).isEqualTo(204);
    assertThat(getAs(ANNA, document + "/content").getStatus()).isEqualTo(404);
    assertThat(stored(caseId)).isZero();

    List<String> actions = new ArrayList<>();
    body(getAs(ANNA, "/api/cases/" + caseId + "/history"))
        .forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions)
        .containsSubsequence(
            "create", "document.upload", "read.documents", "document.download", "document.delete");
    assertThat(body(getAs(CLARA, "/api/cases/audit/verify")).get("intact").asBoolean()).isTrue();
  }

  @Test
  void badUploadsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long caseId = newCase("ORGANISATION");

    MockHttpServletResponse mismatch =
        upload(
            ANNA,
            caseId,
            new MockMultipartFile("file", "photo.png", "image/png", ContentCheckTest.PDF));
    assertThat(mismatch.getStatus()).isEqualTo(400);
    assertThat(mismatch.getContentType()).isEqualTo("application/problem+json");
    assertThat(body(mismatch).at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(body(mismatch).at("/errors/0/message").asText())
        .contains("declared as image/png but its content is application/pdf");

    MockHttpServletResponse exe =
        upload(
            ANNA,
            caseId,
            new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}));
    assertThat(exe.getStatus()).isEqualTo(400);
    assertThat(body(exe).at("/errors/0/message").asText()).contains("executable");

    MockHttpServletResponse html =
        upload(
            ANNA,
            caseId,
            new MockMultipartFile(
                "file",
                "note.txt",
                "text/plain",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(html.getStatus()).isEqualTo(400);

    MockHttpServletResponse empty =
        upload(ANNA, caseId, new MockMultipartFile("file", "e.txt", "text/plain", new byte[0]));
    assertThat(body(empty).at("/errors/0/field").asText()).isEqualTo("file");

    MockHttpServletResponse missing = upload(ANNA, caseId, null, "kind", "PHOTO");
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(body(missing).at("/errors/0/field").asText()).isEqualTo("file");

    MockHttpServletResponse badKind =
        upload(
            ANNA,
            caseId,
            new MockMultipartFile("file", "a.pdf", "application/pdf", ContentCheckTest.PDF),
            "kind",
            "SELFIE");
    assertThat(badKind.getStatus()).isEqualTo(400);
    assertThat(body(badKind).at("/errors/0/field").asText()).isEqualTo("kind");

    byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(tooBig, (byte) 'a');
    MockHttpServletResponse large =
        upload(ANNA, caseId, new MockMultipartFile("file", "big.txt", "text/plain", tooBig));
    assertThat(large.getStatus()).isEqualTo(413);
    assertThat(large.getContentType()).isEqualTo("application/problem+json");
    assertThat(body(large).at("/errors/0/field").asText()).isEqualTo("file");

    assertThat(stored(caseId)).isZero();
  }

  /** Through the real servlet container: the multipart limit answers before any controller. */
  @Test
  void anOversizedRequestIsRefusedByTheServerWith413() throws Exception {
    long caseId = newCase("ORGANISATION");
    String boundary = "amicus-boundary";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[head.length + 10 * 1024 * 1024 + 1024 + tail.length];
    Arrays.fill(payload, (byte) 'a');
    System.arraycopy(head, 0, payload, 0, head.length);
    System.arraycopy(tail, 0, payload, payload.length - tail.length, tail.length);
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/api/cases/" + caseId + "/documents"))
                    .header("Authorization", "Bearer " + token(ANNA))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    // Chunked, as browsers stream: the server must stop at the limit itself.
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(payload)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(stored(caseId)).isZero();
  }

  @Test
  void theApiDescriptionShowsTheDocumentEndpoints() throws Exception {
    JsonNode paths = body(getAs(ANONYMOUS, "/v3/api-docs")).get("paths");
    assertThat(paths.has("/api/cases/{id}/documents")).isTrue();
    assertThat(paths.has("/api/cases/{id}/documents/{documentId}/content")).isTrue();
    assertThat(paths.has("/api/cases/{id}/documents/{documentId}")).isTrue();
  }
}
