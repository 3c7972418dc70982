package org.amicus.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consumer's side of the search contract. search-service keeps, in {@code
 * src/test/resources/contracts}, a copy of each producer's JSON Schema, and holds the samples its
 * reading is tested with ({@code feed-samples}, read by IndexDocumentsTest) to that copy: what
 * search-service expects is what the producer promises. The copy must be the producer's schema byte
 * for byte, so a producer that changes its schema fails this build until search-service has taken
 * the change over (and a change here without the producer fails too). See docs/architecture.md,
 * "Search documents".
 */
class FeedContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @ParameterizedTest
  @CsvSource({
    "case.json, case-search-document.v1.schema.json",
    "person.json, person-search-document.v1.schema.json",
    "recommendation.json, recommendation-search-document.v1.schema.json",
    "submission.json, submission-search-document.v1.schema.json",
    "figure.json, figure-search-document.v1.schema.json"
  })
  void theSamplesSearchIsTestedWithAreWhatTheProducersPromise(String sample, String schema)
      throws IOException {
    JsonNode document = JSON.readTree(IndexDocumentsTest.sample(sample));
    try (InputStream in = getClass().getResourceAsStream("/contracts/" + schema)) {
      List<String> problems =
          SCHEMAS.getSchema(in).validate(document).stream()
              .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getProperty())
              .toList();
      assertThat(problems).as(sample).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "cases-service, case-search-document.v1.schema.json",
    "cases-service, person-search-document.v1.schema.json",
    "cases-service, recommendation-search-document.v1.schema.json",
    "workflow-service, submission-search-document.v1.schema.json",
    "cases-service, figure-search-document.v1.schema.json"
  })
  void theCopyOfEachSchemaIsTheProducers(String producer, String schema) throws IOException {
    // Maven runs the tests in the module's directory; the producers are its siblings
    Path module = Path.of(System.getProperty("basedir", "."));
    Path theirs =
        module.resolve("../" + producer + "/src/main/resources/contracts/" + schema).normalize();
    Path ours = module.resolve("src/test/resources/contracts/" + schema);
    assertThat(theirs).as("the producer's schema").exists();
    assertThat(Files.readString(ours))
        .as("copy of " + producer + "'s " + schema + ": copy the producer's file over")
        .isEqualTo(Files.readString(theirs));
  }
}
