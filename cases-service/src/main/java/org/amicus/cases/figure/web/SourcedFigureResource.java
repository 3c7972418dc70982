package org.amicus.cases.figure.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
import org.amicus.cases.figure.FigurePayloads.FigureView;
import org.amicus.cases.figure.SourcedFigureCsv;
import org.amicus.cases.figure.SourcedFigureService;
import org.amicus.cases.shared.CsvImport;
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

/** Sourced figures, next to the computed ones at {@code /api/stats}. */
@RestController
@RequestMapping("/api/stats/sourced")
class SourcedFigureResource {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "refersFrom", "refersFrom",
          "label", "label",
          "updatedAt", "updatedAt");

  private final SourcedFigureService figures;
  private final SourcedFigureCsv csv;

  SourcedFigureResource(SourcedFigureService figures, SourcedFigureCsv csv) {
    this.figures = figures;
    this.csv = csv;
  }

  @Operation(summary = "The sourced figures the caller may read, optionally for one country")
  @GetMapping
  PageOf<FigureView> list(
      Caller caller,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String legalArticle,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String sort) {
    return figures.list(
        caller,
        new FigureFilter(country, legalArticle),
        Paging.of(page, size, sort, SORTABLE, "id"));
  }

  @Operation(summary = "The sourced figures the caller may read, as UTF-8 CSV (at most 10,000)")
  @GetMapping("/export")
  ResponseEntity<String> export(
      Caller caller,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String legalArticle,
      @RequestParam(required = false) String sort) {
    return CsvImport.download(
        csv.export(
            caller,
            new FigureFilter(country, legalArticle),
            Paging.of(null, null, sort, SORTABLE, "id").getSort()),
        "sourced-figures.csv");
  }

  /**
   * UTF-8 CSV with the header of an export ({@code id} and {@code ownerOrg} are ignored); {@code
   * dryRun=true} reports every bad cell by line and field without writing; otherwise all rows are
   * created, or none with 400.
   */
  @Operation(summary = "Import sourced figures from CSV: all rows or none")
  @PostMapping("/import")
  ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body) {
    return csv.importCsv(caller, CsvImport.utf8(body), dryRun);
  }

  @Operation(summary = "Record a figure counted outside the coalition's records, with its source")
  @PostMapping
  ResponseEntity<FigureView> create(Caller caller, @Valid @RequestBody FigureRequest request) {
    FigureView created = figures.create(caller, request, false);
    return ResponseEntity.created(URI.create("/api/stats/sourced/" + created.id()))
        .eTag(Etag.of(created.version()))
        .body(created);
  }

  @Operation(summary = "One sourced figure, with its ETag")
  @GetMapping("/{id}")
  ResponseEntity<FigureView> get(Caller caller, @PathVariable long id) {
    return withEtag(figures.get(caller, id));
  }

  @Operation(summary = "Replace a sourced figure (If-Match with the ETag read)")
  @PutMapping("/{id}")
  ResponseEntity<FigureView> update(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody FigureRequest request) {
    return withEtag(figures.update(caller, id, ifMatch, request));
  }

  @Operation(summary = "Delete a sourced figure (If-Match with the ETag read)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    figures.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<FigureView> withEtag(FigureView view) {
    return ResponseEntity.ok().eTag(Etag.of(view.version())).body(view);
  }
}
