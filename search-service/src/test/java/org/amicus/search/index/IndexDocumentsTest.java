package org.amicus.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.amicus.platform.changefeed.Change;
import org.amicus.search.index.IndexDocuments.InvalidDocument;
import org.junit.jupiter.api.Test;

/**
 * The records exactly as the sources publish them (field names from cases-service's CaseService,
 * PersonService and RecommendationService and workflow-service's SubmissionSearchDocument, with the
 * {@code readers} their Access rules publish): a renamed field there must break here, not silently
 * empty the search.
 */
class IndexDocumentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCaseIsFoundByThePersonsItConcernsAndItsUnCompliance() throws Exception {
    Map<String, Object> doc = project("case", sample("case.json"));

    assertThat(doc.get("names")).asList().contains("Искандер Еримбетов", "Iskander Yerimbetov");
    assertThat(doc.get("nameSpellings")).asList().isNotEmpty();
    assertThat(doc.get("compliance")).asList().containsExactly("IGNORED");
    // as users cite them, never the bare code every Kazakh article shares
    assertThat(doc.get("articles")).asList().containsExactly("Art. 405 CC KZ", "Art. 174 CC KZ");
    // each with its title, stored for the facet to show on hover
    assertThat(doc.get("articleTitles").toString()).contains("article=Art. 405 CC KZ, title=");
    assertThat(doc).containsEntry("ownerOrg", "odf").containsEntry("country", "KZ");
  }

  @Test
  void aRecommendationOfTheWholeCoalitionHasNoOwnerAndIsStillIndexed() throws Exception {
    Map<String, Object> doc = project("recommendation", sample("recommendation.json"));

    assertThat(doc).doesNotContainKey("ownerOrg").containsEntry("visibility", "COALITION");
    assertThat(doc).containsEntry("reference", "A/HRC/41/10 139.12").containsEntry("country", "KZ");
    assertThat(doc.get("text").toString()).contains("Protect lawyers", "Norway");
    assertThat(doc).containsEntry("response", "SUPPORTED");
    assertThat(doc.get("organisations")).asList().isEmpty();
    // themes are a facet of their own: the article facet carries articles only
    assertThat(doc.get("themes")).asList().containsExactly("LAWYERS");
    assertThat(doc).doesNotContainKey("articles");
  }

  @Test
  void aSourcedFigureIsFoundByItsLabelAndSourceWithTheReadersItCameWith() throws Exception {
    Map<String, Object> doc = project("figure", sample("figure.json"));

    assertThat(doc).containsEntry("type", "figure").containsEntry("key", "figure:7");
    assertThat(doc).containsEntry("title", "UN opinions on Kazakhstan ignored");
    assertThat(doc).containsEntry("reference", "25 of 32");
    assertThat(doc).containsEntry("summary", "Open Dialogue Foundation");
    assertThat(doc.get("text").toString()).contains("Joint statement on the third UPR");
    assertThat(doc).containsEntry("country", "KZ").containsEntry("year", 2019);
    assertThat(doc.get("readers")).asList().containsExactly("partner@*", "coordinator@*");
    assertThat(doc).doesNotContainKey("names");
  }

  @Test
  void aSubmissionIsFoundByTheTextOfItsSections() throws Exception {
    Map<String, Object> doc = project("submission", sample("submission.json"));

    assertThat(doc.get("text").toString()).contains("Arbitrary detention", "Civic space");
    assertThat(doc).containsEntry("submissionStatus", "IN_REVIEW");
    assertThat(doc.get("organisations")).asList().containsExactly("odf", "fidu");
  }

  @Test
  void aPersonIsFoundByEveryRecordedSpelling() throws Exception {
    Map<String, Object> doc = project("person", sample("person.json"));

    assertThat(doc.get("names")).asList().contains("Козловская", "Kozlovska", "Lawyer K.");
    assertThat(doc).containsEntry("title", "Козловская").containsEntry("summary", "LAWYER");
  }

  @Test
  void theOwnersReadersAreKeptAsTheyCame() throws Exception {
    Map<String, Object> doc =
        project(
            "submission",
            """
            {"id": "5b0c", "ownerOrg": "odf", "visibility": "COALITION",
             "readers": ["partner@odf", "coordinator@odf", "coordinator@*"],
             "status": "IN_REVIEW", "title": "Joint submission"}
            """);

    assertThat(doc.get("readers"))
        .asList()
        .containsExactly("partner@odf", "coordinator@odf", "coordinator@*");
  }

  @Test
  void aRecordWithoutReadersIsRefusedWhateverItsVisibility() {
    for (String record :
        List.of(
            "{\"id\": 1, \"title\": \"x\", \"ownerOrg\": \"odf\", \"visibility\": \"PUBLIC\"}",
            "{\"id\": 1, \"title\": \"x\", \"visibility\": \"COALITION\", \"readers\": []}",
            "{\"id\": 1, \"title\": \"x\", \"visibility\": \"COALITION\", \"readers\": null}",
            "{\"id\": 1, \"title\": \"x\", \"readers\": \"partner@*\"}")) {
      assertThatThrownBy(() -> project("case", record))
          .isInstanceOf(InvalidDocument.class)
          .hasMessage("readers missing");
    }
  }

  @Test
  void aGrantToAnyoneButPartnersAndCoordinatorsIsRefused() {
    for (String grant : List.of("admin@odf", "indexer@*", "partner", "partner@", "odf", "")) {
      String record =
          "{\"id\": 1, \"title\": \"Secret name\", \"readers\": [\"partner@odf\", \""
              + grant
              + "\"]}";
      assertThatThrownBy(() -> project("case", record))
          .isInstanceOf(InvalidDocument.class)
          .hasMessage("readers invalid");
    }
  }

  /**
   * A record as its source publishes it, from {@code feed-samples}: FeedContractTest holds each
   * sample to its source's JSON Schema, so a sample cannot drift from what the source sends.
   */
  static String sample(String file) throws IOException {
    try (InputStream in = IndexDocumentsTest.class.getResourceAsStream("/feed-samples/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Object> project(String type, String json) throws Exception {
    JsonNode document = JSON.readTree(json);
    return IndexDocuments.project(
        "cases",
        new Change(
            1,
            type,
            document.get("id").asText(),
            Change.Operation.UPSERT,
            Instant.now(),
            document));
  }
}
