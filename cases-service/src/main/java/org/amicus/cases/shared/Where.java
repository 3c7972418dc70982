package org.amicus.cases.shared;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.amicus.platform.security.Caller;

/**
 * The where clause of a list query: what the caller may read (their organisation's records and
 * those shared beyond it, the rule {@link Access#canRead} applies to one record), then each filter
 * the caller gave; a filter not given (null) adds nothing.
 *
 * @param <T> the entity listed; it has {@code ownerOrg} and {@code visibility}
 */
public final class Where<T> {

  private final Root<T> root;
  private final CriteriaBuilder cb;
  private final List<Predicate> predicates = new ArrayList<>();

  private Where(Root<T> root, CriteriaBuilder cb) {
    this.root = root;
    this.cb = cb;
  }

  public static <T> Where<T> readableBy(Caller caller, Root<T> root, CriteriaBuilder cb) {
    Where<T> where = new Where<>(root, cb);
    return where.and(
        cb.or(
            cb.equal(root.get("ownerOrg"), caller.organisation().orElse("")),
            cb.notEqual(root.get("visibility"), Visibility.ORGANISATION)));
  }

  /** The attribute equals the value, when a value is given. */
  public Where<T> equal(String attribute, Object value) {
    return value == null ? this : and(cb.equal(root.get(attribute), value));
  }

  public Where<T> and(Predicate predicate) {
    predicates.add(predicate);
    return this;
  }

  public Predicate all() {
    return cb.and(predicates.toArray(Predicate[]::new));
  }
}
