package org.amicus.cases.recommendation.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.amicus.cases.recommendation.Implementation;
import org.amicus.cases.recommendation.RecommendationPayloads.AssessmentRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationFilter;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationView;
import org.amicus.cases.recommendation.RecommendationService;
import org.amicus.cases.recommendation.Response;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Paging;
import org.amicus.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
class RecommendationResource {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "cycle", "cycle",
          "paragraph", "paragraph",
          "reportSymbol", "reportSymbol",
          "updatedAt", "updatedAt");

  private final RecommendationService recommendations;

  RecommendationResource(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @Operation(summary = "Recommendations, filtered and paged")
  @GetMapping
  PageOf<RecommendationView> list(
      Caller caller,
      @RequestParam(required = false) String stateUnderReview,
      @RequestParam(required = false) Integer cycle,
      @RequestParam(required = false) Response response,
      @RequestParam(required = false) Implementation implementation,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String recommendingState,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String sort) {
    return recommendations.list(
        caller,
        new RecommendationFilter(
            stateUnderReview, cycle, response, implementation, theme, recommendingState, q),
        Paging.of(page, size, sort, SORTABLE, "id"));
  }

  @Operation(summary = "Record a recommendation")
  @PostMapping
  ResponseEntity<RecommendationView> create(
      Caller caller, @Valid @RequestBody RecommendationRequest request) {
    RecommendationView created = recommendations.create(caller, request, false);
    return ResponseEntity.created(URI.create("/api/recommendations/" + created.id()))
        .eTag(Etag.of(created.version()))
        .body(created);
  }

  /** CSV with the header line {@code stateUnderReview,cycle,...}; see the service for columns. */
  @Operation(summary = "Import recommendations from CSV; a dry run reports without writing")
  @PostMapping("/import")
  ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) String csv) {
    return recommendations.importCsv(caller, csv, dryRun);
  }

  @Operation(summary = "One recommendation, and its ETag")
  @GetMapping("/{id}")
  ResponseEntity<RecommendationView> get(Caller caller, @PathVariable long id) {
    return withEtag(recommendations.get(caller, id));
  }

  @Operation(summary = "Replace the recommendation (If-Match)")
  @PutMapping("/{id}")
  ResponseEntity<RecommendationView> update(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody RecommendationRequest request) {
    return withEtag(recommendations.update(caller, id, ifMatch, request));
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

  @Operation(summary = "Delete the recommendation (If-Match)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    recommendations.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<RecommendationView> withEtag(RecommendationView view) {
    return ResponseEntity.ok().eTag(Etag.of(view.version())).body(view);
  }
}
