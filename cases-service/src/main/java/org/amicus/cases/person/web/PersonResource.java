package org.amicus.cases.person.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.amicus.cases.person.ConsentRequest;
import org.amicus.cases.person.PersonCsv;
import org.amicus.cases.person.PersonFilter;
import org.amicus.cases.person.PersonRequest;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.person.PersonView;
import org.amicus.cases.shared.CsvRecordResource;
import org.amicus.cases.shared.MergePatchEndpoint;
import org.amicus.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/persons")
class PersonResource extends CsvRecordResource<PersonRequest, PersonView, PersonFilter, PersonView>
    implements MergePatchEndpoint<PersonView> {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "name", "originalName",
          "birthYear", "birthYear",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  private final PersonService persons;

  PersonResource(PersonService persons, PersonCsv csv) {
    super("/api/persons", "persons", persons, SORTABLE, csv);
    this.persons = persons;
  }

  @Override
  public PersonView mergePatch(Caller caller, long id, String ifMatch, JsonNode patch) {
    return persons.patch(caller, id, ifMatch, patch);
  }

  @Operation(summary = "Record the person's consent to sharing")
  @PostMapping("/{id}/consents")
  ResponseEntity<PersonView> consent(
      Caller caller, @PathVariable long id, @Valid @RequestBody ConsentRequest request) {
    return withEtag(persons.recordConsent(caller, id, request));
  }
}
