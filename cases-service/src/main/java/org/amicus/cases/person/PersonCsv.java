package org.amicus.cases.person;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.amicus.cases.audit.AuditLog;
import org.amicus.cases.shared.Access;
import org.amicus.cases.shared.Csv;
import org.amicus.cases.shared.CsvImport;
import org.amicus.cases.shared.CsvImport.ImportReport;
import org.amicus.cases.shared.CsvImport.Line;
import org.amicus.cases.shared.CsvImport.RowError;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons as CSV: an export of any filtered list, and an import that checks every row first and
 * then creates all of them in one transaction or none.
 */
@Service
public class PersonCsv {

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

  public static final int MAX_EXPORT = 10_000;

  private final Persons persons;
  private final PersonService service;
  private final AuditLog audit;
  private final Validator validator;

  PersonCsv(Persons persons, PersonService service, AuditLog audit, Validator validator) {
    this.persons = persons;
    this.service = service;
    this.audit = audit;
    this.validator = validator;
  }

  /** Contact data only for the caller's own organisation's persons, as the API shows them. */
  @Transactional
  public String export(Caller caller, PersonFilter filter, Sort sort) {
    Access.requireContentRole(caller);
    Page<Person> page =
        persons.findAll(PersonService.spec(caller, filter), PageRequest.of(0, MAX_EXPORT, sort));
    if (page.getTotalElements() > MAX_EXPORT) {
      throw ApiProblem.invalid(
          "filter",
          "matches " + page.getTotalElements() + " persons; export at most " + MAX_EXPORT);
    }
    audit.record(caller, "export", PersonService.RECORD, "*");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(EXPORT_ONLY);
    header.addAll(COLUMNS);
    rows.add(header);
    for (Person p : page) {
      rows.add(
          List.of(
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
              p.visibility.name()));
    }
    return Csv.write(rows);
  }

  @Transactional
  public ImportReport importCsv(Caller caller, String csv, boolean dryRun) {
    Access.requireContentRole(caller);
    Access.organisationOf(caller);
    List<RowError> errors = new ArrayList<>();
    List<Line> lines = CsvImport.read(csv, COLUMNS, Set.copyOf(EXPORT_ONLY), errors);
    List<PersonRequest> valid = new ArrayList<>();
    for (Line line : lines) {
      int before = errors.size();
      PersonRequest request =
          new PersonRequest(
              line.get("originalName"),
              line.list("spellings"),
              line.integer("birthYear", errors),
              line.enumeration("gender", Gender.class, errors),
              line.get("region"),
              line.enumeration("occupation", Occupation.class, errors),
              line.get("contact"),
              line.get("pseudonym"),
              line.enumeration("visibility", Visibility.class, errors));
      CsvImport.validate(validator, request, line, errors, before);
      if (errors.size() == before) {
        valid.add(request);
      }
    }
    if (dryRun) {
      return new ImportReport(true, lines.size() + rowErrors(errors), valid.size(), 0, errors);
    }
    if (!errors.isEmpty()) {
      throw CsvImport.problem(errors);
    }
    valid.forEach(request -> service.create(caller, request));
    return new ImportReport(false, lines.size(), valid.size(), valid.size(), List.of());
  }

  /** Rows refused as a whole (wrong number of cells) are not among the parsed lines. */
  static int rowErrors(List<RowError> errors) {
    return (int) errors.stream().filter(e -> e.field().equals("row")).count();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
