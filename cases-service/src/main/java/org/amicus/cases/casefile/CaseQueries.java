package org.amicus.cases.casefile;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.amicus.cases.shared.Visibility;
import org.amicus.platform.security.Caller;
import org.springframework.data.jpa.domain.Specification;

/** The case list's query: what the caller may read, narrowed by the filters they chose. */
final class CaseQueries {

  private CaseQueries() {}

  /** Cases of the caller's organisation and those shared beyond their owner, filtered. */
  static Specification<CaseFile> visibleTo(Caller caller, CaseFilter f) {
    String org = caller.organisation().orElse("");
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(
          cb.or(
              cb.equal(root.get("ownerOrg"), org),
              cb.notEqual(root.get("visibility"), Visibility.ORGANISATION)));
      if (f.q() != null && !f.q().isBlank()) {
        String like = "%" + f.q().trim().toLowerCase(Locale.ROOT) + "%";
        where.add(
            cb.or(
                cb.like(cb.lower(root.get("title")), like),
                cb.like(cb.lower(root.get("reference")), like)));
      }
      if (f.status() != null) {
        where.add(cb.equal(root.get("status"), f.status()));
      }
      if (f.country() != null) {
        where.add(cb.equal(root.get("country"), f.country().toUpperCase(Locale.ROOT)));
      }
      if (f.visibility() != null) {
        where.add(cb.equal(root.get("visibility"), f.visibility()));
      }
      if (f.ownerOrg() != null) {
        where.add(cb.equal(root.get("ownerOrg"), f.ownerOrg()));
      }
      if (f.year() != null) {
        where.add(cb.equal(root.get("year"), f.year()));
      }
      if (f.riskLevel() != null) {
        where.add(cb.equal(root.get("riskLevel"), f.riskLevel()));
      }
      if (f.violation() != null) {
        var sub = query.subquery(Long.class);
        var sc = sub.from(CaseFile.class);
        Join<CaseFile, Violation> v = sc.join("violations");
        sub.select(sc.get("id"))
            .where(cb.equal(sc.get("id"), root.get("id")), cb.equal(v, f.violation()));
        where.add(cb.exists(sub));
      }
      if (f.personId() != null) {
        var sub = query.subquery(Long.class);
        var sc = sub.from(CaseFile.class);
        Join<CaseFile, Long> p = sc.join("personIds");
        sub.select(sc.get("id"))
            .where(cb.equal(sc.get("id"), root.get("id")), cb.equal(p, f.personId()));
        where.add(cb.exists(sub));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
