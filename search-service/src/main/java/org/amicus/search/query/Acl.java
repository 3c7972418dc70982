package org.amicus.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Readers;

/**
 * Who may find what, as a query filter. Search has no access rule of its own: each record carries
 * the {@code readers} its owning service decided (the same decision its API reads by), and a caller
 * finds a record iff one of the caller's grants ({@code partner@*}, {@code partner@odf}, ...) is
 * among them. Admins and service accounts hold no grant and find nothing.
 */
public final class Acl {

  /** The index field holding the owner's grants. */
  public static final String FIELD = "readers";

  private Acl() {}

  /** The filter for {@code caller}, or empty when the caller may read nothing at all. */
  public static Optional<Query> filter(Caller caller) {
    Set<String> grants = Readers.grantsOf(caller);
    if (grants.isEmpty()) {
      return Optional.empty();
    }
    List<FieldValue> values = grants.stream().map(FieldValue::of).toList();
    return Optional.of(Query.of(q -> q.terms(t -> t.field(FIELD).terms(v -> v.value(values)))));
  }

  /** Partners and coordinators hold grants; everyone else (admin, service accounts) none. */
  public static boolean mayReadContent(Caller caller) {
    return !Readers.grantsOf(caller).isEmpty();
  }
}
