package org.amicus.cases.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.amicus.cases.person.PersonService;
import org.amicus.platform.security.Caller;
import org.springframework.stereotype.Component;

/** A case as one reader sees it: whole with its parts, or as a line of a list. */
@Component
class CaseViews {

  private final PersonService persons;
  private final Clock clock = Clock.systemUTC();

  CaseViews(PersonService persons) {
    this.persons = persons;
  }

  /** Each part collection is read once; the persons are named as {@code caller} may see them. */
  CaseView view(Caller caller, CaseFile c) {
    LocalDate today = LocalDate.now(clock);
    return new CaseView(
        c.id,
        c.reference,
        c.title,
        c.summary,
        c.country,
        c.year,
        c.status,
        c.riskLevel,
        c.ownerOrg,
        c.visibility,
        c.violationSet(),
        persons.refs(caller, c.personIds),
        c.views(PartKind.CHARGES, today),
        c.views(PartKind.EVENTS, today),
        c.views(PartKind.DECISIONS, today),
        c.views(PartKind.REPRESENTATIONS, today),
        c.demo,
        c.createdAt,
        c.updatedAt,
        c.version);
  }

  <V> List<V> parts(CaseFile c, PartKind<?, V> kind) {
    return c.views(kind, LocalDate.now(clock));
  }

  static CaseSummary summary(CaseFile c) {
    return new CaseSummary(
        c.id,
        c.reference,
        c.title,
        c.country,
        c.year,
        c.status,
        c.riskLevel,
        c.ownerOrg,
        c.visibility,
        c.violationSet(),
        c.demo,
        c.version);
  }
}
