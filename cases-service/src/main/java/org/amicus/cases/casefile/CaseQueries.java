package org.amicus.cases.casefile;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Locale;
import org.amicus.cases.shared.Where;
import org.amicus.platform.security.Caller;
import org.springframework.data.jpa.domain.Specification;

/** The case list's query: what the caller may read, narrowed by the filters they chose. */
final class CaseQueries {

  private CaseQueries() {}

  /** Cases of the caller's organisation and those shared beyond their owner, filtered. */
  static Specification<CaseFile> visibleTo(Caller caller, CaseFilter f) {
    return (root, query, cb) -> {
      Where<CaseFile> where =
          Where.readableBy(caller, root, cb)
              .equal("status", f.status())
              .equal("country", f.country() == null ? null : f.country().toUpperCase(Locale.ROOT))
              .equal("visibility", f.visibility())
              .equal("ownerOrg", f.ownerOrg())
              .equal("year", f.year())
              .equal("riskLevel", f.riskLevel());
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%";
        where.and(
            cb.or(
                cb.like(cb.lower(root.get("title")), like),
                cb.like(cb.lower(root.get("reference")), like)));
      }
      if (f.violation() != null) {
        where.and(holds(root, query, cb, "violations", f.violation()));
      }
      if (f.personId() != null) {
        where.and(holds(root, query, cb, "personIds", f.personId()));
      }
      return where.all();
    };
  }

  /** The case's collection holds the value (a subquery, so a case is listed once). */
  private static Predicate holds(
      Root<CaseFile> root,
      CriteriaQuery<?> query,
      CriteriaBuilder cb,
      String collection,
      Object value) {
    var sub = query.subquery(Long.class);
    var sc = sub.from(CaseFile.class);
    sub.select(sc.get("id"))
        .where(cb.equal(sc.get("id"), root.get("id")), cb.equal(sc.join(collection), value));
    return cb.exists(sub);
  }
}
