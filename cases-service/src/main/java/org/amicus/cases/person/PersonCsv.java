package org.amicus.cases.person;

import java.util.List;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.CsvTransfer;
import org.amicus.cases.shared.CsvTransfers;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Persons as CSV: an export of any filtered list, and an import that checks every row first and
 * then creates all of them in one transaction or none.
 */
@Service
public class PersonCsv extends CsvTransfer<PersonFilter, Person, PersonRequest> {

  /** The columns an import needs; multi-valued cells separate values with {@code ;}. */
  static final List<String> COLUMNS =
      List.of(
          "originalName",
          "spellings",
          "birthYear",
          "gender",
          "region",
          "occupation",
          "contact",
          "pseudonym",
          "visibility");

  /** Columns an export adds that an import ignores: an import always creates. */
  static final List<String> EXPORT_ONLY = List.of("id", "ownerOrg");

  private final Persons persons;
  private final PersonService service;

  PersonCsv(Persons persons, PersonService service, CsvTransfers transfers) {
    super(new Format(PersonService.RECORD, "persons", EXPORT_ONLY, COLUMNS), transfers);
    this.persons = persons;
    this.service = service;
  }

  /** Contact data only for the caller's own organisation's persons, as the API shows them. */
  @Override
  protected Page<Person> find(Caller caller, PersonFilter filter, Pageable page) {
    return persons.findAll(PersonService.spec(caller, filter), page);
  }

  @Override
  protected List<String> row(Caller caller, Person p) {
    return List.of(
        String.valueOf(p.id),
        p.ownerOrg,
        p.originalName,
        String.join(";", p.spellings),
        p.birthYear == null ? "" : String.valueOf(p.birthYear),
        p.gender == null ? "" : p.gender.name(),
        nullToEmpty(p.region),
        p.occupation == null ? "" : p.occupation.name(),
        Access.canWrite(caller, p.ownerOrg) ? nullToEmpty(p.contact) : "",
        p.pseudonym,
        p.visibility.name());
  }

  @Override
  protected void create(Caller caller, PersonRequest request) {
    service.create(caller, request);
  }

  @Override
  protected PersonRequest read(Line line, List<RowError> errors) {
    return new PersonRequest(
        line.get("originalName"),
        line.list("spellings"),
        line.integer("birthYear", errors),
        line.enumeration("gender", Gender.class, errors),
        line.get("region"),
        line.enumeration("occupation", Occupation.class, errors),
        line.get("contact"),
        line.get("pseudonym"),
        line.enumeration("visibility", Visibility.class, errors));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
