package org.amicus.cases.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.amicus.cases.audit.AuditEntry;
import org.amicus.cases.casefile.CaseCsv;
import org.amicus.cases.casefile.CaseFilter;
import org.amicus.cases.casefile.CaseParts.ArticleView;
import org.amicus.cases.casefile.CaseRequest;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.CaseSummary;
import org.amicus.cases.casefile.CaseView;
import org.amicus.cases.casefile.RiskLevel;
import org.amicus.cases.casefile.Status;
import org.amicus.cases.casefile.Violation;
import org.amicus.cases.shared.CsvImport;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.MergePatch;
import org.amicus.cases.shared.PageOf;
import org.amicus.cases.shared.Paging;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseResource {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "reference", "reference",
          "title", "title",
          "year", "year",
          "status", "status",
          "riskLevel", "riskLevel",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  private final CaseService cases;
  private final CaseCsv csv;

  CaseResource(CaseService cases, CaseCsv csv) {
    this.cases = cases;
    this.csv = csv;
  }

  @Operation(summary = "The cases the caller may see, filtered and paged")
  @GetMapping
  PageOf<CaseSummary> list(
      Caller caller,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Status status,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) Violation violation,
      @RequestParam(required = false) Visibility visibility,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) RiskLevel riskLevel,
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String sort) {
    return cases.list(
        caller,
        new CaseFilter(
            q, status, country, violation, visibility, ownerOrg, year, riskLevel, personId),
        Paging.of(page, size, sort, SORTABLE, "id"));
  }

  /** The filtered list (all pages, at most 10,000 rows) as UTF-8 CSV. */
  @Operation(summary = "The cases the caller may see, as CSV")
  @GetMapping("/export")
  ResponseEntity<String> export(
      Caller caller,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Status status,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) Violation violation,
      @RequestParam(required = false) Visibility visibility,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) RiskLevel riskLevel,
      @RequestParam(required = false) Long personId,
      @RequestParam(required = false) String sort) {
    return CsvImport.download(
        csv.export(
            caller,
            new CaseFilter(
                q, status, country, violation, visibility, ownerOrg, year, riskLevel, personId),
            Paging.of(null, null, sort, SORTABLE, "id").getSort()),
        "cases.csv");
  }

  /**
   * UTF-8 CSV with the header of an export ({@code id}, {@code reference}, {@code ownerOrg} are
   * ignored); {@code dryRun=true} reports every bad cell by line and field without writing;
   * otherwise all rows are created, or none with 400.
   */
  @Operation(summary = "Import cases from CSV; a dry run reports without writing")
  @PostMapping("/import")
  ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body) {
    return csv.importCsv(caller, CsvImport.utf8(body), dryRun);
  }

  @Operation(summary = "Open a case; the caller's organisation owns it")
  @PostMapping
  ResponseEntity<CaseView> create(Caller caller, @Valid @RequestBody CaseRequest request) {
    CaseView created = cases.create(caller, request);
    return ResponseEntity.created(URI.create("/api/cases/" + created.id()))
        .eTag(Etag.of(created.version()))
        .body(created);
  }

  @Operation(summary = "One case with its parts, and its ETag")
  @GetMapping("/{id}")
  ResponseEntity<CaseView> get(Caller caller, @PathVariable long id) {
    return withEtag(cases.get(caller, id));
  }

  @Operation(summary = "Replace the case (If-Match)")
  @PutMapping("/{id}")
  ResponseEntity<CaseView> update(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequest request) {
    return withEtag(cases.update(caller, id, ifMatch, request));
  }

  /** JSON Merge Patch (RFC 7396): only the fields sent change; null clears; same checks as PUT. */
  @Operation(summary = "Change some fields of the case, as a JSON merge patch (If-Match)")
  @PatchMapping(
      path = "/{id}",
      consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<CaseView> patch(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    return withEtag(cases.patch(caller, id, ifMatch, patch));
  }

  @Operation(summary = "Delete the case (If-Match)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    cases.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Who changed what in the case, when")
  @GetMapping("/{id}/history")
  List<AuditEntry> history(Caller caller, @PathVariable long id) {
    return cases.history(caller, id);
  }

  /** The legal-article vocabulary charges are chosen from; not case content. */
  @Operation(summary = "The legal articles of a country that charges are chosen from")
  @GetMapping("/articles")
  List<ArticleView> articles(@RequestParam String country) {
    return cases.articles(country.toUpperCase(java.util.Locale.ROOT));
  }

  static ResponseEntity<CaseView> withEtag(CaseView view) {
    return ResponseEntity.ok().eTag(Etag.of(view.version())).body(view);
  }
}
