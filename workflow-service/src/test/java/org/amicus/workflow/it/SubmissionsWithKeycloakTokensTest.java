package org.amicus.workflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The organisation rules with tokens issued by the real Keycloak to the demo users: the lead
 * organisation writes, a co-signer reads, another organisation sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WorkflowTestSupport.Cases.class)
class SubmissionsWithKeycloakTokensTest {

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    WorkflowTestSupport.realDependencies(registry);
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(String method, String path, String user, Object body, String ifMatch)
      throws Exception {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + Tokens.accessToken(keycloak, user))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLeadOrganisationWritesCoSignersReadOthersSeeNothing() throws Exception {
    Map<String, Object> draft =
        Map.of(
            "type",
            "UPR_JOINT",
            "title",
            "Joint submission with real tokens",
            "language",
            "en",
            "deadline",
            LocalDate.now().plusMonths(2).toString(),
            "coSigners",
            List.of(Map.of("organisation", "fidu", "description", "Italian federation")),
            "sections",
            List.of(Map.of("heading", "Introduction", "text", "Text.")));

    HttpResponse<String> created = send("POST", "/api/submissions", "anna", draft, null);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode submission = json.readTree(created.body());
    assertThat(submission.get("leadOrganisation").asText()).isEqualTo("odf");
    String path = "/api/submissions/" + submission.get("id").asText();
    assertThat(send("GET", path, "marco", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", path, "olena", null, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", path, "adam", null, null).statusCode()).isEqualTo(404);
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(send("PUT", path, "marco", draft, etag).statusCode()).isEqualTo(403);
    HttpResponse<String> submitted = send("POST", path + "/submit", "anna", null, etag);
    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(json.readTree(submitted.body()).get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(send("GET", "/api/tasks", "clara", null, null).body())
        .contains(submission.get("id").asText());
  }

  @Test
  void aDemoCoordinatorsOwnSubmissionIsReviewedByACoordinatorOfAnotherOrganisation()
      throws Exception {
    Map<String, Object> draft =
        Map.of(
            "type",
            "EU_BRIEFING",
            "title",
            "Briefing drafted by a coordinator",
            "language",
            "en",
            "deadline",
            LocalDate.now().plusMonths(1).toString(),
            "sections",
            List.of(Map.of("heading", "Introduction", "text", "Text.")));
    HttpResponse<String> created = send("POST", "/api/submissions", "clara", draft, null);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(send("POST", "/api/submissions/" + id + "/submit", "clara", null, etag).statusCode())
        .isEqualTo(200);

    assertThat(send("GET", "/api/tasks", "clara", null, null).body()).doesNotContain(id);
    String review = null;
    for (JsonNode task : json.readTree(send("GET", "/api/tasks", "zoe", null, null).body())) {
      if (task.get("submissionId").asText().equals(id)) {
        review = task.get("id").asText();
      }
    }
    assertThat(review).isNotNull();
    assertThat(send("POST", "/api/tasks/" + review + "/claim", "clara", null, null).statusCode())
        .isEqualTo(409);
    HttpResponse<String> approved =
        send(
            "POST",
            "/api/tasks/" + review + "/complete",
            "zoe",
            Map.of("decision", "APPROVE"),
            null);
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json.readTree(approved.body()).get("status").asText()).isEqualTo("APPROVED");
  }
}
