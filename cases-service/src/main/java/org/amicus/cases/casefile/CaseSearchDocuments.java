package org.amicus.cases.casefile;

import java.util.Comparator;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.shared.Access;
import org.springframework.stereotype.Component;

/** The search document of a case: ACL fields and what search filters on; never contact data. */
@Component
class CaseSearchDocuments {

  private final PersonService persons;

  CaseSearchDocuments(PersonService persons) {
    this.persons = persons;
  }

  CaseSearchDocument of(CaseFile c) {
    return new CaseSearchDocument(
        c.id,
        c.reference,
        c.title,
        c.summary,
        c.country,
        c.year,
        c.status.name(),
        c.riskLevel.name(),
        c.violations.stream().map(Enum::name).sorted().toList(),
        c.ownerOrg,
        c.visibility.name(),
        Access.readers(c.ownerOrg, c.visibility),
        c.charges.stream()
            .map(charge -> charge.article)
            .sorted(Comparator.comparing(article -> article.id))
            .distinct()
            .map(a -> new CaseSearchDocument.Article(a.code, a.number, a.title))
            .toList(),
        persons.namesForIndex(c.personIds, c.ownerOrg, c.visibility),
        c.decisions.stream().sorted().map(d -> d.compliance.name()).distinct().toList(),
        c.demo);
  }
}
