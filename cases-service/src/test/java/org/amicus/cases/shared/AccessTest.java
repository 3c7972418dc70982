package org.amicus.cases.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Readers;
import org.amicus.platform.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The {@code readers} a record carries to search say exactly what {@link Access#canRead} says, for
 * every combination of roles, organisation and visibility: search shows a record to the people the
 * API shows it to, and to nobody else.
 */
class AccessTest {

  private static final String OWNER = "odf";

  /** Every set of roles a token may carry, in the owner organisation, another one, or none. */
  private static List<Caller> everyCaller() {
    List<Caller> callers = new ArrayList<>();
    Role[] roles = Role.values();
    for (int mask = 0; mask < 1 << roles.length; mask++) {
      Set<Role> held = EnumSet.noneOf(Role.class);
      for (int i = 0; i < roles.length; i++) {
        if ((mask & 1 << i) != 0) {
          held.add(roles[i]);
        }
      }
      for (Optional<String> org :
          List.of(Optional.of(OWNER), Optional.of("kisr"), Optional.<String>empty())) {
        callers.add(new Caller("s" + callers.size(), "u" + callers.size(), org, held));
      }
    }
    return callers;
  }

  @Test
  void readersGrantExactlyWhomTheApiLetsRead() {
    int compared = 0;
    for (Visibility visibility : Visibility.values()) {
      List<String> readers = Access.readers(OWNER, visibility);
      for (Caller caller : everyCaller()) {
        if (caller.has(Role.CASE_READER)) {
          // workflow-service's account reads linked cases through the API and never searches:
          // the grants leave it out, and the rest of its roles decide as for anyone else
          Set<Role> others = EnumSet.noneOf(Role.class);
          others.addAll(caller.roles());
          others.remove(Role.CASE_READER);
          Caller without =
              new Caller(caller.subject(), caller.username(), caller.organisation(), others);
          assertThat(Readers.admit(readers, caller))
              .isEqualTo(Access.canRead(without, OWNER, visibility));
        } else {
          assertThat(Readers.admit(readers, caller))
              .as("%s %s of %s", visibility, caller.roles(), caller.organisation())
              .isEqualTo(Access.canRead(caller, OWNER, visibility));
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(3 * 3 * (1 << Role.values().length));
  }

  @Test
  void coalitionRecordsAreForEveryoneWhoReadsContent() {
    for (Caller caller : everyCaller()) {
      if (!caller.has(Role.CASE_READER)) {
        assertThat(Readers.admit(Access.coalitionReaders(), caller))
            .isEqualTo(Access.readsContent(caller));
      }
    }
  }

  @Test
  void aPrivateRecordNamesItsOwnerAndNoRoleBeyondPartnerAndCoordinator() {
    assertThat(Access.readers(OWNER, Visibility.ORGANISATION))
        .containsExactlyInAnyOrder("partner@odf", "coordinator@odf");
    assertThat(Access.readers(OWNER, Visibility.COALITION))
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
    assertThat(Access.readers(OWNER, Visibility.PUBLIC))
        .containsExactlyInAnyOrder("partner@*", "coordinator@*");
  }
}
