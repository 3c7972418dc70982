package org.amicus.cases.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.CaseView;
import org.amicus.cases.casefile.PartKind;
import org.amicus.cases.shared.Etag;
import org.amicus.cases.shared.OperationSummaries;
import org.amicus.cases.shared.RecordResource;
import org.amicus.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * One kind of part of a case ({@code /api/cases/{id}/charges} and the like; see {@link
 * CasePartResources}). Each change answers the whole case with its new ETag; PUT and DELETE need
 * the case's current ETag in If-Match. The summaries' {@code {part}} is the kind's name in the
 * users' words.
 */
abstract class CasePartsResource<Q, V> implements OperationSummaries {

  private final CaseService cases;
  private final PartKind<Q, V> kind;
  private final String words;

  CasePartsResource(CaseService cases, PartKind<Q, V> kind, String words) {
    this.cases = cases;
    this.kind = kind;
    this.words = words;
  }

  /** Names the part as the users do, e.g. "Add a procedural event (If-Match)". */
  @Override
  public String summary(String method, String declared) {
    return declared.replace("{parts}", words + "s").replace("{part}", words);
  }

  /** The ids the operations had when written per kind: {@code charges}, {@code addCharge}. */
  @Override
  public String operationId(String method) {
    return method.equals("list") ? kind.plural() : method + kind.name();
  }

  @Operation(summary = "The case's {parts}")
  @GetMapping
  List<V> list(Caller caller, @PathVariable long id) {
    return cases.parts(caller, id, kind);
  }

  @Operation(summary = "Add a {part} to the case (If-Match)")
  @PostMapping
  ResponseEntity<CaseView> add(
      Caller caller, @PathVariable long id, @Valid @RequestBody Q request) {
    CaseView view = cases.add(caller, id, kind, request);
    return ResponseEntity.status(HttpStatus.CREATED).eTag(Etag.of(view.version())).body(view);
  }

  @Operation(summary = "Change a {part} (If-Match)")
  @PutMapping("/{partId}")
  ResponseEntity<CaseView> update(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody Q request) {
    return RecordResource.withEtag(cases.replace(caller, id, kind, partId, ifMatch, request));
  }

  @Operation(summary = "Remove a {part} (If-Match)")
  @DeleteMapping("/{partId}")
  ResponseEntity<CaseView> delete(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return RecordResource.withEtag(cases.remove(caller, id, kind, partId, ifMatch));
  }
}
