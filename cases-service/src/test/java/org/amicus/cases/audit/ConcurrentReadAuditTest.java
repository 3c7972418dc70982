package org.amicus.cases.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.amicus.cases.CasesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Reads answered together, over real HTTP connections, each leave their own entry on the trail
 * before their answer, and the trail still verifies: the reads' group commit chains them in order.
 */
class ConcurrentReadAuditTest extends CasesIntegrationTest {

  private static final int CLIENTS = 8;
  private static final int READS_EACH = 25;

  @LocalServerPort int port;

  @Test
  void everyConcurrentReadIsOnTheTrailAndTheChainVerifies() throws Exception {
    MockHttpServletResponse created =
        send(
            ANNA,
            "POST",
            "/api/cases",
            null,
            """
            {"title": "Read together", "country": "KZ", "status": "OPEN", "riskLevel": "LOW",
             "visibility": "ORGANISATION"}
            """);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    long id = body(created).get("id").asLong();
    String reference = String.valueOf(id); // the trail names a case by its id
    String token = token(ANNA);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest read =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id))
            .header("Authorization", "Bearer " + token)
            .build();
    long before = readEntries(reference);

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<List<Integer>>> results = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        Callable<List<Integer>> client =
            () -> {
              List<Integer> statuses = new ArrayList<>();
              for (int i = 0; i < READS_EACH; i++) {
                HttpResponse<String> response =
                    http.send(read, HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                // each entry is committed before its answer leaves: this client's are all there
                assertThat(readEntries(reference)).isGreaterThanOrEqualTo(before + i + 1);
              }
              return statuses;
            };
        results.add(clients.submit(client));
      }
      for (Future<List<Integer>> result : results) {
        assertThat(result.get()).containsOnly(200);
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(readEntries(reference)).isEqualTo(before + (long) CLIENTS * READS_EACH);
    JsonNode verification = body(getAs(CLARA, "/api/cases/audit/verify"));
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    List<Long> seqs =
        jdbc.queryForList(
            "select seq from audit_log where action = 'read' and record_id = ? order by seq",
            Long.class,
            reference);
    assertThat(seqs).doesNotHaveDuplicates().hasSize(CLIENTS * READS_EACH);
  }

  private long readEntries(String reference) {
    return jdbc.queryForObject(
        "select count(*) from audit_log where action = 'read' and record_type = 'case'"
            + " and record_id = ? and username = 'anna'",
        Long.class,
        reference);
  }
}
