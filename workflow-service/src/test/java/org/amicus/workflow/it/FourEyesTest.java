package org.amicus.workflow.it;

import static org.amicus.workflow.it.WorkflowTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Four eyes and linking, through the API on the real PostgreSQL: nobody reviews or signs off what
 * they wrote, two reviews are two people, the risk level follows the linked cases, and an id the
 * caller cannot read is answered exactly like an unknown one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(WorkflowTestSupport.Cases.class)
class FourEyesTest extends SubmissionApiTest {

  @DynamicPropertySource
  static void dependencies(DynamicPropertyRegistry registry) {
    realDependencies(registry);
  }

  @Autowired FakeCases cases;

  /** odf's coordinator, as in the demo realm. */
  static RequestPostProcessor clara() {
    return user("clara", "odf", "coordinator");
  }

  static Map<String, Object> draft(String type, String riskLevel, List<Long> caseIds) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("type", type);
    draft.put("title", "Kazakhstan: freedom of association");
    draft.put("language", "en");
    draft.put("deadline", LocalDate.now().plusMonths(2).toString());
    draft.put("riskLevel", riskLevel);
    draft.put("caseIds", caseIds);
    draft.put(
        "sections",
        List.of(Map.of("heading", "Registration", "text", "Associations must register.")));
    return draft;
  }

  UUID create(RequestPostProcessor author, Map<String, Object> draft) throws Exception {
    return UUID.fromString(call(post("/api/submissions"), author, draft, 201).get("id").asText());
  }

  void submit(RequestPostProcessor author, UUID id) throws Exception {
    call(post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)), author, null, 200);
  }

  JsonNode complete(
      RequestPostProcessor user, String taskId, String decision, String comment, int expected)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("comment", comment);
    return call(post("/api/tasks/{id}/complete", taskId), user, body, expected);
  }

  @Test
  void aCoordinatorWhoDraftedAndSubmittedCannotReviewItAndAnotherCoordinatorCan() throws Exception {
    UUID id = create(clara(), draft("UPR_INDIVIDUAL", "LOW", List.of()));
    submit(clara(), id);

    String review = task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW);
    assertThat(review).isNotNull();
    assertThat(task(clara(), id, SubmissionReviewProcess.TASK_REVIEW)).isNull();
    JsonNode claim = call(post("/api/tasks/{id}/claim", review), clara(), null, 409);
    assertThat(claim.get("detail").asText())
        .isEqualTo(
            "You created or edited this submission, so someone who did not must review it (four"
                + " eyes)");
    complete(clara(), review, "APPROVE", null, 409);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

    complete(zoe(), review, "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
  }

  @Test
  void aCoordinatorWhoOnlySavedARevisionCannotReviewIt() throws Exception {
    Map<String, Object> draft = draft("UPR_INDIVIDUAL", "LOW", List.of());
    UUID id = create(anna(), draft);
    draft.put("title", "Kazakhstan: freedom of association, revised");
    call(put("/api/submissions/{id}", id).header("If-Match", etag(id)), clara(), draft, 200);
    submit(anna(), id);

    String review = task(ivan(), id, SubmissionReviewProcess.TASK_REVIEW);
    assertThat(task(clara(), id, SubmissionReviewProcess.TASK_REVIEW)).isNull();
    complete(clara(), review, "APPROVE", null, 409);
    complete(ivan(), review, "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
  }

  @Test
  void aPartnerWhoEditedCannotSignOffForHerNewOrganisation() throws Exception {
    Map<String, Object> draft = draft("UPR_JOINT", "LOW", List.of());
    draft.put(
        "coSigners",
        List.of(Map.of("organisation", "fidu", "description", "Italian Federation, Rome")));
    UUID id = create(anna(), draft);
    // Dana edits the draft as odf staff, then joins fidu, which co-signs.
    draft.put("title", "Kazakhstan: freedom of association, joint");
    call(
        put("/api/submissions/{id}", id).header("If-Match", etag(id)),
        user("dana", "odf", "partner"),
        draft,
        200);
    RequestPostProcessor danaAtFidu = user("dana", "fidu", "partner");
    submit(anna(), id);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("AWAITING_SIGNATURES");

    String signOff = task(marco(), id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF);
    assertThat(signOff).isNotNull();
    assertThat(task(danaAtFidu, id, SubmissionReviewProcess.TASK_CO_SIGNER_SIGN_OFF)).isNull();
    JsonNode refused = complete(danaAtFidu, signOff, "SIGN", null, 409);
    assertThat(refused.get("detail").asText()).contains("must sign it off");
    assertThat(statusOf(id)).isEqualTo("AWAITING_SIGNATURES");

    complete(marco(), signOff, "SIGN", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
  }

  @Test
  void twoRequiredReviewsAreTwoPeople() throws Exception {
    // High risk, nobody named: two coordinator reviews (review-policy rule 3).
    UUID id = create(anna(), draft("UPR_INDIVIDUAL", "HIGH", List.of()));
    submit(anna(), id);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

    String second = task(ivan(), id, SubmissionReviewProcess.TASK_REVIEW);
    assertThat(second).isNotNull();
    assertThat(task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW)).isNull();
    JsonNode refused = call(post("/api/tasks/{id}/claim", second), zoe(), null, 409);
    assertThat(refused.get("detail").asText())
        .isEqualTo("You already approved this round; the policy asks for another coordinator");
    complete(zoe(), second, "APPROVE", null, 409);
    assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

    complete(ivan(), second, "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");
  }

  @Test
  void theAuthorCannotDoTheLegalReviewAndTheHistoryDoesNotSayWhetherPeopleAreNamed()
      throws Exception {
    long caseId = cases.caseOf(List.of("Aigul Utepova"), "Journalist U.", true);
    Map<String, Object> draft = draft("WGAD_INDIVIDUAL_COMPLAINT", "LOW", List.of(caseId));
    draft.put(
        "sections", List.of(Map.of("heading", "Identity", "text", "Aigul Utepova, journalist.")));
    UUID id = create(clara(), draft);
    submit(clara(), id);
    complete(zoe(), task(zoe(), id, SubmissionReviewProcess.TASK_REVIEW), "APPROVE", null, 200);

    // A WGAD complaint naming its person needs a legal review (review-policy rule 4).
    String legal = task(zoe(), id, SubmissionReviewProcess.TASK_LEGAL_REVIEW);
    assertThat(legal).isNotNull();
    assertThat(task(clara(), id, SubmissionReviewProcess.TASK_LEGAL_REVIEW)).isNull();
    JsonNode refused = complete(clara(), legal, "APPROVE", null, 409);
    assertThat(refused.get("detail").asText()).contains("must legally review it");
    // The legal check is a different check: the round's reviewer may do it (docs/workflow.md).
    complete(zoe(), legal, "APPROVE", null, 200);
    assertThat(statusOf(id)).isEqualTo("APPROVED");

    JsonNode history = call(get("/api/submissions/{id}/history", id), clara(), null, 200);
    for (JsonNode entry : history) {
      if (entry.get("action").asText().equals("SUBMITTED")) {
        assertThat(entry.hasNonNull("detail")).isFalse();
      }
    }
    assertThat(history.toString()).doesNotContain("names people");
  }

  @Test
  void theRiskLevelIsAtLeastTheHighestOfTheLinkedCasesAtSaveAndAtSubmit() throws Exception {
    long high = cases.caseOf(List.of("Maks Bokayev"), "Activist B.", true, "odf", false, "HIGH");
    long critical =
        cases.caseOf(List.of("Yerlan Sadykov"), "Activist S.", true, "odf", false, "CRITICAL");
    long medium =
        cases.caseOf(List.of("Dana Ospanova"), "Blogger O.", true, "odf", false, "MEDIUM");

    JsonNode tooLow =
        call(post("/api/submissions"), anna(), draft("EU_BRIEFING", "MEDIUM", List.of(high)), 400);
    assertThat(tooLow.findValuesAsText("field")).containsExactly("riskLevel");
    assertThat(tooLow.toString()).contains("must be at least HIGH");
    JsonNode belowCritical =
        call(
            post("/api/submissions"),
            anna(),
            draft("EU_BRIEFING", "LOW", List.of(medium, critical)),
            400);
    assertThat(belowCritical.findValuesAsText("field")).containsExactly("riskLevel");
    assertThat(belowCritical.toString()).contains("must be at least HIGH");
    create(anna(), draft("EU_BRIEFING", "HIGH", List.of(medium, critical)));

    // Saved at MEDIUM for a MEDIUM case; the case is then judged HIGH: submitting is refused.
    UUID id = create(anna(), draft("EU_BRIEFING", "MEDIUM", List.of(medium)));
    cases.riskLevel(medium, "HIGH");
    JsonNode atSubmit =
        call(
            post("/api/submissions/{id}/submit", id).header("If-Match", etag(id)),
            anna(),
            null,
            400);
    assertThat(atSubmit.findValuesAsText("field")).containsExactly("riskLevel");
    assertThat(statusOf(id)).isEqualTo("DRAFT");
  }

  @Test
  void aCaseTheCallerCannotReadIsRefusedExactlyLikeAnUnknownOneAtSaveAndAtSubmit()
      throws Exception {
    long fiduPrivate =
        cases.caseOf(List.of("Askar Nurlanov"), "Lawyer N.", false, "fidu", true, "HIGH");
    long unknown = cases.unknownId();

    JsonNode unreadable =
        call(
            post("/api/submissions"),
            anna(),
            draft("EU_BRIEFING", "LOW", List.of(fiduPrivate)),
            400);
    JsonNode unknownAnswer =
        call(post("/api/submissions"), anna(), draft("EU_BRIEFING", "LOW", List.of(unknown)), 400);
    assertThat(perRequest(unreadable)).isEqualTo(perRequest(unknownAnswer));
    assertThat(unreadable.findValuesAsText("field")).containsExactly("caseIds[0]");
    assertThat(unreadable.toString())
        .contains("is not a case you can read or it does not exist")
        .doesNotContain("Nurlanov");
    // fidu's own staff link it.
    create(marco(), draft("EU_BRIEFING", "HIGH", List.of(fiduPrivate)));

    // At submit: one case was made private to fidu after it was linked, another was removed.
    long madePrivate =
        cases.caseOf(List.of("Bolat Zhumabekov"), "Protester Z.", true, "fidu", false, "LOW");
    long removed =
        cases.caseOf(List.of("Serik Akhmetov"), "Protester A.", true, "fidu", false, "LOW");
    UUID first = create(anna(), draft("EU_BRIEFING", "LOW", List.of(madePrivate)));
    UUID second = create(anna(), draft("EU_BRIEFING", "LOW", List.of(removed)));
    cases.makePrivate(madePrivate);
    cases.remove(removed);
    JsonNode firstAnswer =
        call(
            post("/api/submissions/{id}/submit", first).header("If-Match", etag(first)),
            anna(),
            null,
            400);
    JsonNode secondAnswer =
        call(
            post("/api/submissions/{id}/submit", second).header("If-Match", etag(second)),
            anna(),
            null,
            400);
    assertThat(withoutPath(perRequest(firstAnswer)))
        .isEqualTo(withoutPath(perRequest(secondAnswer)));
    assertThat(firstAnswer.findValuesAsText("field")).containsExactly("caseIds[0]");
    assertThat(statusOf(first)).isEqualTo("DRAFT");
  }

  @Test
  void anUnknownRecommendationIsRefusedByField() throws Exception {
    Map<String, Object> draft = draft("EU_BRIEFING", "LOW", List.of());
    draft.put("recommendationIds", List.of(cases.recommendation(), cases.unknownId()));

    JsonNode problem = call(post("/api/submissions"), anna(), draft, 400);

    assertThat(problem.findValuesAsText("field")).containsExactly("recommendationIds[1]");
    assertThat(problem.toString())
        .contains("is not a recommendation you can read or it does not exist");
  }

  /** The answer without the one thing each request has of its own: its correlation id. */
  static JsonNode perRequest(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    assertThat(copy.remove("correlationId")).isNotNull();
    return copy;
  }

  /** The answer without the request's path, which differs between two submissions. */
  static JsonNode withoutPath(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    assertThat(copy.remove("instance").asText()).endsWith("/submit");
    return copy;
  }
}
