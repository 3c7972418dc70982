package org.amicus.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;

/**
 * Who may open what, as a query filter. The same rule as cases-service: a record is open to its
 * owner organisation's members; COALITION and PUBLIC records to every partner and coordinator.
 * Admins and service accounts read no case content, whatever organisation they belong to.
 */
public final class Acl {

  private Acl() {}

  /** The filter for {@code caller}, or empty when the caller may read nothing at all. */
  public static Optional<Query> filter(Caller caller) {
    if (!mayReadContent(caller)) {
      return Optional.empty();
    }
    List<Query> open = new ArrayList<>();
    open.add(
        Query.of(
            q ->
                q.terms(
                    t ->
                        t.field("visibility")
                            .terms(
                                v ->
                                    v.value(
                                        List.of(
                                            FieldValue.of("COALITION"),
                                            FieldValue.of("PUBLIC")))))));
    caller
        .organisation()
        .ifPresent(org -> open.add(Query.of(q -> q.term(t -> t.field("ownerOrg").value(org)))));
    return Optional.of(Query.of(q -> q.bool(b -> b.should(open).minimumShouldMatch("1"))));
  }

  /** Partners and coordinators read content; everyone else (admin, indexer) does not. */
  public static boolean mayReadContent(Caller caller) {
    return caller.has(Role.PARTNER) || caller.has(Role.COORDINATOR);
  }

  /** The same rule in Java, for tests and for checking a single record. */
  public static boolean mayOpen(Caller caller, String ownerOrg, String visibility) {
    if (!mayReadContent(caller)) {
      return false;
    }
    return "COALITION".equals(visibility)
        || "PUBLIC".equals(visibility)
        || caller.memberOf(ownerOrg);
  }
}
