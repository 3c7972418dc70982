package org.amicus.cases.person.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.amicus.cases.person.ConsentRequest;
import org.amicus.cases.person.Occupation;
import org.amicus.cases.person.PersonCsv;
import org.amicus.cases.person.PersonFilter;
import org.amicus.cases.person.PersonRequest;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.person.PersonView;
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
@RequestMapping("/api/persons")
class PersonResource {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "name", "originalName",
          "birthYear", "birthYear",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  private final PersonService persons;
  private final PersonCsv csv;

  PersonResource(PersonService persons, PersonCsv csv) {
    this.persons = persons;
    this.csv = csv;
  }

  @Operation(summary = "The persons the caller may see, filtered and paged")
  @GetMapping
  PageOf<PersonView> list(
      Caller caller,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Occupation occupation,
      @RequestParam(required = false) Visibility visibility,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String sort) {
    return persons.list(
        caller,
        new PersonFilter(q, occupation, visibility, ownerOrg, region),
        Paging.of(page, size, sort, SORTABLE, "id"));
  }

  /** The filtered list (all pages, at most 10,000 rows) as UTF-8 CSV. */
  @Operation(summary = "The persons the caller may see, as CSV")
  @GetMapping("/export")
  ResponseEntity<String> export(
      Caller caller,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Occupation occupation,
      @RequestParam(required = false) Visibility visibility,
      @RequestParam(required = false) String ownerOrg,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String sort) {
    return CsvImport.download(
        csv.export(
            caller,
            new PersonFilter(q, occupation, visibility, ownerOrg, region),
            Paging.of(null, null, sort, SORTABLE, "id").getSort()),
        "persons.csv");
  }

  /**
   * UTF-8 CSV with the header of an export ({@code id} and {@code ownerOrg} are ignored); {@code
   * dryRun=true} reports every bad cell by line and field without writing; otherwise all rows are
   * created, or none with 400.
   */
  @Operation(summary = "Import persons from CSV; a dry run reports without writing")
  @PostMapping("/import")
  ImportReport importCsv(
      Caller caller,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body) {
    return csv.importCsv(caller, CsvImport.utf8(body), dryRun);
  }

  @Operation(summary = "Record a person; the caller's organisation owns the record")
  @PostMapping
  ResponseEntity<PersonView> create(Caller caller, @Valid @RequestBody PersonRequest request) {
    PersonView created = persons.create(caller, request);
    return ResponseEntity.created(URI.create("/api/persons/" + created.id()))
        .eTag(Etag.of(created.version()))
        .body(created);
  }

  @Operation(summary = "One person, and the record's ETag")
  @GetMapping("/{id}")
  ResponseEntity<PersonView> get(Caller caller, @PathVariable long id) {
    return withEtag(persons.get(caller, id));
  }

  @Operation(summary = "Replace the person's record (If-Match)")
  @PutMapping("/{id}")
  ResponseEntity<PersonView> update(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody PersonRequest request) {
    return withEtag(persons.update(caller, id, ifMatch, request));
  }

  /** JSON Merge Patch (RFC 7396): only the fields sent change; null clears; same checks as PUT. */
  @Operation(summary = "Change some fields of the person, as a JSON merge patch (If-Match)")
  @PatchMapping(
      path = "/{id}",
      consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<PersonView> patch(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    return withEtag(persons.patch(caller, id, ifMatch, patch));
  }

  @Operation(summary = "Delete the person's record (If-Match)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    persons.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Record the person's consent to sharing")
  @PostMapping("/{id}/consents")
  ResponseEntity<PersonView> consent(
      Caller caller, @PathVariable long id, @Valid @RequestBody ConsentRequest request) {
    return withEtag(persons.recordConsent(caller, id, request));
  }

  private static ResponseEntity<PersonView> withEtag(PersonView view) {
    return ResponseEntity.ok().eTag(Etag.of(view.version())).body(view);
  }
}
