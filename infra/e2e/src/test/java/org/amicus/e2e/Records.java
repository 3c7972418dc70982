package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amicus.e2e.Api.Reply;

/** The records the platform tests create, written as a partner's client sends them. */
final class Records {

  private Records() {}

  /** A person documented by the coalition, in Almaty, seen by the whole coalition. */
  static Map<String, Object> person(
      String name, List<String> spellings, String occupation, String pseudonym) {
    return Map.of(
        "originalName", name,
        "spellings", spellings,
        "occupation", occupation,
        "region", "Almaty",
        "pseudonym", pseudonym,
        "visibility", "COALITION");
  }

  /** An open, high-risk case in Kazakhstan (2022) about one person, seen by the coalition. */
  static Map<String, Object> caseOf(String title, long person, List<String> violations) {
    return Map.of(
        "title",
        title,
        "country",
        "KZ",
        "year",
        2022,
        "personIds",
        List.of(person),
        "violations",
        violations,
        "status",
        "OPEN",
        "riskLevel",
        "HIGH",
        "visibility",
        "COALITION");
  }

  /**
   * A third-cycle UPR recommendation to Kazakhstan (session 34, A/HRC/43/10) that Kazakhstan
   * supported, as a coordinator records it.
   */
  static Map<String, Object> recommendation(String paragraph, String text) {
    return Map.of(
        "stateUnderReview",
        "KZ",
        "cycle",
        3,
        "session",
        34,
        "reportSymbol",
        "A/HRC/43/10",
        "paragraph",
        paragraph,
        "recommendingStates",
        List.of("Norway", "Czechia"),
        "text",
        text,
        "themes",
        List.of("civil and political rights"),
        "response",
        "SUPPORTED");
  }

  /**
   * A one-organisation UPR submission draft in English, due in 30 days, with one section, citing
   * the given cases. Its risk level is HIGH when it cites cases (those of {@link #caseOf} are HIGH,
   * and a submission is at least as risky as its cases), otherwise the default, low.
   */
  static Map<String, Object> ownDraft(
      String title, String heading, String text, List<Long> caseIds) {
    return Map.of(
        "riskLevel",
        caseIds.isEmpty() ? "LOW" : "HIGH",
        "type",
        "UPR_INDIVIDUAL",
        "title",
        title,
        "language",
        "en",
        "deadline",
        LocalDate.now().plusDays(30).toString(),
        "sections",
        List.of(Map.of("heading", heading, "text", text)),
        "caseIds",
        caseIds);
  }

  /** Its author sends a just-created draft to review, naming the version it saw (its ETag). */
  static Reply submit(Api author, Reply draft) {
    return author.send(
        author
            .request("/api/submissions/" + draft.json().get("id").asText() + "/submit")
            .header("If-Match", draft.header("ETag"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** The body of a 200 or 201 answer; any other answer fails the test, showing it whole. */
  static JsonNode created(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
    return reply.json();
  }
}
