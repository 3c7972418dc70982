package org.amicus.e2e;

import static org.amicus.e2e.Records.caseOf;
import static org.amicus.e2e.Records.created;
import static org.amicus.e2e.Records.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Mailboxes.Mail;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 8's scenario, through the gateway only, as the seed's people would do it with scripts
 * (Bearer tokens): three organisations document their cases, a coordinator links them to
 * third-cycle UPR recommendations, the three draft, review, co-sign and send a joint UPR
 * submission, and everything is found again through search and in the audit trails.
 *
 * <p>The steps run in order and build on each other, like the story they tell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioTest {

  private static final Duration EVENTUALLY = Duration.ofSeconds(90);

  private final Platform platform = Platform.get();
  private final Api anna = as("anna"); // partner, Open Dialogue Foundation (odf)
  private final Api marco = as("marco"); // partner, Italian Federation for Human Rights (fidu)
  private final Api olena = as("olena"); // partner, Kharkiv Institute for Social Research (kisr)
  private final Api clara = as("clara"); // coordinator, odf
  private final Api zoe = as("zoe"); // coordinator, kisr

  private long protesterCase;
  private long prisonerCase;
  private long lawyerCase;
  private final List<Long> recommendations = new ArrayList<>();
  private String submission;
  private String etag;

  private Api as(String user) {
    return platform.api(user);
  }

  @Test
  @Order(1)
  void odfDocumentsADetainedProtesterChargedUnderArticle405() {
    long person =
        created(
                anna.post(
                    "/api/persons",
                    person(
                        "Ерлан Сапаров", List.of("Yerlan Saparov"), "PROTESTER", "Protester E.")))
            .get("id")
            .asLong();
    protesterCase =
        created(
                anna.post(
                    "/api/cases",
                    caseOf(
                        "Detention of a protester after the January rally in Almaty",
                        person,
                        List.of("ARBITRARY_DETENTION", "FREEDOM_OF_ASSEMBLY"))))
            .get("id")
            .asLong();

    JsonNode charged =
        created(
            anna.post(
                "/api/cases/" + protesterCase + "/charges",
                Map.of("article", "405", "personId", person, "date", "2022-01")));
    created(
        anna.post(
            "/api/cases/" + protesterCase + "/events",
            Map.of("type", "ARREST", "date", "2022-01-06", "personId", person, "place", "Almaty")));

    assertThat(charged.get("charges").get(0).get("article").asText()).isEqualTo("405");
    assertThat(charged.get("charges").get(0).get("title").asText()).contains("extremist");
    assertThat(charged.get("ownerOrg").asText()).isEqualTo("odf");
  }

  @Test
  @Order(2)
  void fiduDocumentsAPoliticalPrisonerWhoseWgadOpinionIsIgnored() {
    long person =
        created(
                marco.post(
                    "/api/persons",
                    person("Талгат Жумабеков", List.of("Talgat Zhumabekov"), "POLITICIAN", "T.Z.")))
            .get("id")
            .asLong();
    prisonerCase =
        created(
                marco.post(
                    "/api/cases",
                    caseOf(
                        "Imprisonment of an opposition politician despite a WGAD opinion",
                        person,
                        List.of("ARBITRARY_DETENTION", "UNFAIR_TRIAL"))))
            .get("id")
            .asLong();

    JsonNode decided =
        created(
            marco.post(
                "/api/cases/" + prisonerCase + "/decisions",
                Map.of(
                    "body", "WGAD",
                    "reference", "Opinion No. 12/2023",
                    "date", "2023-05-04",
                    "finding", "Detention arbitrary, categories I and II",
                    "requestedRemedy", "Immediate release",
                    "compliance", "IGNORED",
                    "personId", person)));

    assertThat(decided.get("decisions").get(0).get("compliance").asText()).isEqualTo("IGNORED");
    assertThat(decided.get("ownerOrg").asText()).isEqualTo("fidu");
  }

  @Test
  @Order(3)
  void kisrDocumentsALawyerUnderPressure() {
    long person =
        created(
                olena.post(
                    "/api/persons",
                    person("Айгуль Нуртаева", List.of("Aigul Nurtayeva"), "LAWYER", "Lawyer A.")))
            .get("id")
            .asLong();
    lawyerCase =
        created(
                olena.post(
                    "/api/cases",
                    caseOf(
                        "Pressure on a defence lawyer of detained protesters",
                        person,
                        List.of("HARASSMENT_OF_LAWYERS_DEFENDERS_JOURNALISTS"))))
            .get("id")
            .asLong();

    JsonNode intimidated =
        created(
            olena.post(
                "/api/cases/" + lawyerCase + "/events",
                Map.of(
                    "type", "INTIMIDATION",
                    "date", "2023-02",
                    "personId", person,
                    "description", "Summoned for questioning about her clients")));

    assertThat(intimidated.get("events").get(0).get("type").asText()).isEqualTo("INTIMIDATION");
    assertThat(intimidated.get("ownerOrg").asText()).isEqualTo("kisr");
  }

  @Test
  @Order(4)
  void theCoordinatorLinksTheCasesToThirdCycleRecommendations() {
    String[][] thirdCycle = {
      {"141.35", "Bring legislation on peaceful assembly into line with international standards"},
      {"141.52", "Release all persons detained arbitrarily, as found by the WGAD"},
      {"141.77", "Guarantee that lawyers can work without intimidation or harassment"}
    };
    for (String[] paragraph : thirdCycle) {
      JsonNode recommendation =
          created(
              clara.post(
                  "/api/recommendations", Records.recommendation(paragraph[0], paragraph[1])));
      recommendations.add(recommendation.get("id").asLong());
    }
    link(recommendations.get(0), protesterCase);
    link(recommendations.get(1), prisonerCase);
    link(recommendations.get(2), lawyerCase);

    Reply third = anna.get("/api/recommendations?stateUnderReview=KZ&cycle=3");
    assertThat(third.status()).as(third.toString()).isEqualTo(200);
    assertThat(third.json().toString()).contains("A/HRC/43/10");
    JsonNode linked = anna.get("/api/recommendations/" + recommendations.get(1)).json();
    assertThat(linked.get("implementation").asText()).isEqualTo("NOT_IMPLEMENTED");
    assertThat(linked.get("evidenceCaseIds").get(0).asLong()).isEqualTo(prisonerCase);
  }

  @Test
  @Order(5)
  void odfDraftsAJointUprSubmissionWithBothPartnersAsCoSigners() {
    Reply draft =
        anna.post(
            "/api/submissions",
            Map.of(
                "type",
                "UPR_JOINT",
                "title",
                "Kazakhstan: civic space since the third UPR cycle",
                "language",
                "en",
                "deadline",
                LocalDate.now().plusDays(60).toString(),
                "riskLevel",
                "HIGH",
                "coSigners",
                List.of(
                    Map.of(
                        "organisation", "fidu",
                        "description", "Italian Federation for Human Rights, Rome"),
                    Map.of(
                        "organisation", "kisr",
                        "description", "Kharkiv Institute for Social Research, Kharkiv")),
                "sections",
                List.of(
                    Map.of(
                        "heading", "Freedom of peaceful assembly",
                        "text",
                            "Protesters remain detained under article 405 of the Criminal Code."),
                    Map.of(
                        "heading", "Arbitrary detention",
                        "text", "Opinions of the Working Group are ignored."),
                    Map.of(
                        "heading", "Lawyers",
                        "text", "Defence lawyers are summoned and intimidated.")),
                "caseIds",
                List.of(protesterCase, prisonerCase, lawyerCase),
                "recommendationIds",
                recommendations,
                "proposedRecommendations",
                List.of("Repeal article 405 of the Criminal Code.")));

    JsonNode created = created(draft);
    submission = created.get("id").asText();
    etag = draft.header("ETag");
    assertThat(created.get("status").asText()).isEqualTo("DRAFT");
    assertThat(created.get("leadOrganisation").asText()).isEqualTo("odf");
    assertThat(etag).isNotBlank();
  }

  @Test
  @Order(6)
  void theDraftGoesToReviewAndTheCoordinatorApprovesIt() {
    Reply submitted =
        anna.send(
            anna.request("/api/submissions/" + submission + "/submit")
                .header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    assertThat(submitted.json().get("status").asText()).isEqualTo("IN_REVIEW");

    // The linked cases are high-risk, so is the submission: two coordinators review it.
    JsonNode review = awaitTask(clara, "Task_ReviewSubmission");
    Reply approved =
        clara.post(
            "/api/tasks/" + review.get("id").asText() + "/complete",
            Map.of("decision", "APPROVE", "comment", "Ready to go"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("IN_REVIEW");

    JsonNode second = awaitTask(zoe, "Task_ReviewSubmission");
    Reply secondApproval =
        zoe.post(
            "/api/tasks/" + second.get("id").asText() + "/complete",
            Map.of("decision", "APPROVE", "comment", "Agreed"));
    assertThat(secondApproval.status()).as(secondApproval.toString()).isEqualTo(200);
    assertThat(secondApproval.json().get("status").asText()).isEqualTo("AWAITING_SIGNATURES");
  }

  @Test
  @Order(7)
  void bothCoSignersSignAndTheSubmissionIsSentToOhchrWithItsDocument() throws Exception {
    for (Api partner : List.of(marco, olena)) {
      JsonNode signOff = awaitTask(partner, "Task_CoSignerSignOff");
      Reply signed =
          partner.post(
              "/api/tasks/" + signOff.get("id").asText() + "/complete", Map.of("decision", "SIGN"));
      assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    }

    await("the submission sent")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> anna.get("/api/submissions/" + submission).json().get("status").asText(),
            status -> status.equals("SENT"));

    JsonNode dispatch = anna.get("/api/submissions/" + submission + "/dispatches").json().get(0);
    String recipient = platform.mailboxes().ohchrUpr();
    assertThat(dispatch.toString()).contains(recipient);
    // Other tests of this run send to OHCHR too: this submission's mail carries its id.
    List<Mail> inbox =
        await("the mail at OHCHR")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    platform.mailboxes().inbox(recipient).stream()
                        .filter(m -> m.text().contains(submission))
                        .toList(),
                mails -> !mails.isEmpty());
    assertThat(inbox).as("one mail for this submission, however often dispatch ran").hasSize(1);
    Mail mail = inbox.get(0);
    assertThat(mail.attachments()).hasSize(1);
    byte[] document = mail.attachments().get(0).content();
    assertThat(mail.attachments().get(0).fileName()).endsWith(".docx");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document)))
        .isEqualTo(dispatch.get("sha256").asText());

    var kept =
        anna.bytes(
            "/api/submissions/%s/dispatches/%d/document"
                .formatted(submission, dispatch.get("revision").asInt()));
    assertThat(kept.statusCode()).isEqualTo(200);
    assertThat(kept.body()).as("the file exactly as sent").isEqualTo(document);

    Reply acknowledged =
        anna.post(
            "/api/submissions/" + submission + "/acknowledgement",
            Map.of("reference", "OHCHR receipt 2026/118"));
    assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
    assertThat(acknowledged.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
  }

  @Test
  @Order(8)
  void everythingIsFoundThroughSearch() {
    JsonNode byLatinSpelling =
        awaitSearch(olena, "type=person&q=" + encode("Saparov"), hits -> !hits.isEmpty());
    assertThat(byLatinSpelling.get(0).get("names").toString()).contains("Ерлан Сапаров");

    JsonNode byTitle =
        awaitSearch(
            marco, "type=case&q=" + encode("protester rally Almaty"), hits -> !hits.isEmpty());
    assertThat(ids(byTitle, "case")).contains(String.valueOf(protesterCase));

    JsonNode byFilter =
        awaitSearch(
            clara,
            "type=case&country=KZ&q=" + encode("lawyer"),
            hits -> ids(hits, "case").contains(String.valueOf(lawyerCase)));
    assertThat(ids(byFilter, "case")).contains(String.valueOf(lawyerCase));

    JsonNode bySubmission =
        awaitSearch(
            marco,
            "type=submission&q=" + encode("civic space"),
            hits -> hits.size() >= 1 && hits.get(0).path("status").asText().equals("ACKNOWLEDGED"));
    assertThat(ids(bySubmission, "submission")).contains(submission);
  }

  @Test
  @Order(8)
  void aCaseIsFoundByTheNameOfThePersonItConcerns() {
    JsonNode byName =
        awaitSearch(clara, "type=case&q=" + encode("Жумабеков"), hits -> !hits.isEmpty());
    assertThat(ids(byName, "case")).contains(String.valueOf(prisonerCase));
  }

  @Test
  @Order(8)
  void theLinkedRecommendationsAreFoundThroughSearch() {
    JsonNode byText =
        awaitSearch(
            anna,
            "type=recommendation&q=" + encode("lawyers intimidation"),
            hits -> !hits.isEmpty());
    assertThat(ids(byText, "recommendation")).contains(String.valueOf(recommendations.get(2)));
  }

  @Test
  @Order(9)
  void theAuditTrailsTellWhoDidWhat() {
    Reply caseHistory = clara.get("/api/cases/" + protesterCase + "/history");
    assertThat(caseHistory.status()).as(caseHistory.toString()).isEqualTo(200);
    List<String> who = new ArrayList<>();
    caseHistory
        .json()
        .forEach(e -> who.add(e.get("username").asText() + ":" + e.get("action").asText()));
    assertThat(who).contains("anna:create");

    Reply verified = clara.get("/api/cases/audit/verify");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("intact").asBoolean()).isTrue();

    Reply submissionHistory = anna.get("/api/submissions/" + submission + "/history");
    assertThat(submissionHistory.status()).as(submissionHistory.toString()).isEqualTo(200);
    String actors = submissionHistory.json().toString();
    assertThat(actors).contains("anna", "clara", "marco", "olena");
  }

  // ---- helpers

  private void link(long recommendation, long caseId) {
    Reply current = clara.get("/api/recommendations/" + recommendation);
    Reply assessed =
        clara.put(
            "/api/recommendations/" + recommendation + "/assessment",
            Map.of(
                "implementation", "NOT_IMPLEMENTED",
                "note", "Documented by the coalition",
                "evidenceCaseIds", List.of(caseId)),
            Map.of("If-Match", current.header("ETag")));
    assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
  }

  private JsonNode awaitTask(Api who, String taskKey) {
    return await(taskKey)
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (JsonNode task : who.get("/api/tasks").json()) {
                if (task.get("taskKey").asText().equals(taskKey)
                    && task.get("submissionId").asText().equals(submission)) {
                  return task;
                }
              }
              return null;
            },
            task -> task != null);
  }

  private static JsonNode awaitSearch(Api who, String query, Predicate<JsonNode> enough) {
    return await("search " + query)
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Reply found = who.get("/api/search?" + query);
              assertThat(found.status()).as(found.toString()).isEqualTo(200);
              return found.json().get("hits");
            },
            enough);
  }

  private static List<String> types(JsonNode hits) {
    List<String> types = new ArrayList<>();
    hits.forEach(hit -> types.add(hit.get("type").asText()));
    return types;
  }

  private static List<String> ids(JsonNode hits, String type) {
    List<String> ids = new ArrayList<>();
    hits.forEach(
        hit -> {
          if (hit.get("type").asText().equals(type)) {
            ids.add(hit.get("id").asText());
          }
        });
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
