package org.amicus.cases.recommendation.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.amicus.cases.recommendation.RecommendationCsv;
import org.amicus.cases.recommendation.RecommendationPayloads.AssessmentRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationFilter;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationView;
import org.amicus.cases.recommendation.RecommendationService;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.RecordResource;
import org.amicus.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationResource
    extends RecordResource<
        RecommendationRequest, RecommendationView, RecommendationFilter, RecommendationView> {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "cycle", "cycle",
          "paragraph", "paragraph",
          "reportSymbol", "reportSymbol",
          "updatedAt", "updatedAt");

  private final RecommendationService recommendations;
  private final RecommendationCsv csv;

  RecommendationResource(RecommendationService recommendations, RecommendationCsv csv) {
    super("/api/recommendations", "recommendations", recommendations, SORTABLE);
    this.recommendations = recommendations;
    this.csv = csv;
  }

  /** CSV with the header line {@code stateUnderReview,cycle,...}; see the service for columns. */
  @Operation(summary = "Import recommendations from CSV; a dry run reports without writing")
  @PostMapping("/import")
  ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) String csv) {
    return this.csv.importCsv(caller, csv, dryRun);
  }

  @Operation(summary = "Assess how far the recommendation is implemented (If-Match)")
  @PutMapping("/{id}/assessment")
  ResponseEntity<RecommendationView> assess(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody AssessmentRequest request) {
    return withEtag(recommendations.assess(caller, id, ifMatch, request));
  }
}
