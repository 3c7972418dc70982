package org.amicus.cases.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.ChargeView;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.DecisionView;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseParts.EventView;
import org.amicus.cases.casefile.CaseParts.RepresentationRequest;
import org.amicus.cases.casefile.CaseParts.RepresentationView;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.CaseView;
import org.amicus.cases.shared.Etag;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charges, events, UN decisions and representations of one case. Each change answers the whole case
 * with its new ETag; PUT and DELETE need the case's current ETag in If-Match.
 */
@RestController
@RequestMapping("/api/cases/{id}")
class CasePartsResource {

  private final CaseService cases;

  CasePartsResource(CaseService cases) {
    this.cases = cases;
  }

  @Operation(summary = "The case's charges")
  @GetMapping("/charges")
  List<ChargeView> charges(Caller caller, @PathVariable long id) {
    return cases.charges(caller, id);
  }

  @Operation(summary = "Add a charge to the case (If-Match)")
  @PostMapping("/charges")
  ResponseEntity<CaseView> addCharge(
      Caller caller, @PathVariable long id, @Valid @RequestBody ChargeRequest request) {
    return created(cases.addCharge(caller, id, request));
  }

  @Operation(summary = "Change a charge (If-Match)")
  @PutMapping("/charges/{partId}")
  ResponseEntity<CaseView> updateCharge(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ChargeRequest request) {
    return CaseResource.withEtag(cases.updateCharge(caller, id, partId, ifMatch, request));
  }

  @Operation(summary = "Remove a charge (If-Match)")
  @DeleteMapping("/charges/{partId}")
  ResponseEntity<CaseView> deleteCharge(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return CaseResource.withEtag(cases.deleteCharge(caller, id, partId, ifMatch));
  }

  @Operation(summary = "The case's procedural events")
  @GetMapping("/events")
  List<EventView> events(Caller caller, @PathVariable long id) {
    return cases.events(caller, id);
  }

  @Operation(summary = "Add a procedural event (If-Match)")
  @PostMapping("/events")
  ResponseEntity<CaseView> addEvent(
      Caller caller, @PathVariable long id, @Valid @RequestBody EventRequest request) {
    return created(cases.addEvent(caller, id, request));
  }

  @Operation(summary = "Change a procedural event (If-Match)")
  @PutMapping("/events/{partId}")
  ResponseEntity<CaseView> updateEvent(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody EventRequest request) {
    return CaseResource.withEtag(cases.updateEvent(caller, id, partId, ifMatch, request));
  }

  @Operation(summary = "Remove a procedural event (If-Match)")
  @DeleteMapping("/events/{partId}")
  ResponseEntity<CaseView> deleteEvent(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return CaseResource.withEtag(cases.deleteEvent(caller, id, partId, ifMatch));
  }

  @Operation(summary = "The case's decisions")
  @GetMapping("/decisions")
  List<DecisionView> decisions(Caller caller, @PathVariable long id) {
    return cases.decisions(caller, id);
  }

  @Operation(summary = "Add a decision (If-Match)")
  @PostMapping("/decisions")
  ResponseEntity<CaseView> addDecision(
      Caller caller, @PathVariable long id, @Valid @RequestBody DecisionRequest request) {
    return created(cases.addDecision(caller, id, request));
  }

  @Operation(summary = "Change a decision (If-Match)")
  @PutMapping("/decisions/{partId}")
  ResponseEntity<CaseView> updateDecision(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody DecisionRequest request) {
    return CaseResource.withEtag(cases.updateDecision(caller, id, partId, ifMatch, request));
  }

  @Operation(summary = "Remove a decision (If-Match)")
  @DeleteMapping("/decisions/{partId}")
  ResponseEntity<CaseView> deleteDecision(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return CaseResource.withEtag(cases.deleteDecision(caller, id, partId, ifMatch));
  }

  @Operation(summary = "The case's legal representations")
  @GetMapping("/representations")
  List<RepresentationView> representations(Caller caller, @PathVariable long id) {
    return cases.representations(caller, id);
  }

  @Operation(summary = "Add a legal representation (If-Match)")
  @PostMapping("/representations")
  ResponseEntity<CaseView> addRepresentation(
      Caller caller, @PathVariable long id, @Valid @RequestBody RepresentationRequest request) {
    return created(cases.addRepresentation(caller, id, request));
  }

  @Operation(summary = "Change a legal representation (If-Match)")
  @PutMapping("/representations/{partId}")
  ResponseEntity<CaseView> updateRepresentation(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody RepresentationRequest request) {
    return CaseResource.withEtag(cases.updateRepresentation(caller, id, partId, ifMatch, request));
  }

  @Operation(summary = "Remove a legal representation (If-Match)")
  @DeleteMapping("/representations/{partId}")
  ResponseEntity<CaseView> deleteRepresentation(
      Caller caller,
      @PathVariable long id,
      @PathVariable long partId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return CaseResource.withEtag(cases.deleteRepresentation(caller, id, partId, ifMatch));
  }

  private static ResponseEntity<CaseView> created(CaseView view) {
    return ResponseEntity.status(HttpStatus.CREATED).eTag(Etag.of(view.version())).body(view);
  }
}
