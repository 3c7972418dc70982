package org.amicus.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadersTest {

  private static Caller caller(String organisation, Role... roles) {
    return new Caller("s", "u", Optional.ofNullable(organisation), Set.of(roles));
  }

  @Test
  void aCallerHoldsItsReadingRolesInAnyAndInItsOwnOrganisation() {
    assertThat(Readers.grantsOf(caller("odf", Role.PARTNER)))
        .containsExactlyInAnyOrder("partner@*", "partner@odf");
    assertThat(Readers.grantsOf(caller("odf", Role.PARTNER, Role.COORDINATOR)))
        .containsExactlyInAnyOrder("partner@*", "partner@odf", "coordinator@*", "coordinator@odf");
    assertThat(Readers.grantsOf(caller(null, Role.COORDINATOR))).containsExactly("coordinator@*");
  }

  @Test
  void adminsAndServiceAccountsHoldNoGrant() {
    assertThat(Readers.grantsOf(caller("odf", Role.ADMIN, Role.INDEXER, Role.CASE_READER)))
        .isEmpty();
    assertThat(Readers.admit(List.of("partner@*", "coordinator@*"), caller("odf", Role.ADMIN)))
        .isFalse();
  }

  @Test
  void aRecordOfOneOrganisationAdmitsItsStaffOnly() {
    List<String> readers =
        List.of(Readers.grant(Role.PARTNER, "odf"), Readers.grant(Role.COORDINATOR, "odf"));
    assertThat(Readers.admit(readers, caller("odf", Role.PARTNER))).isTrue();
    assertThat(Readers.admit(readers, caller("fidu", Role.PARTNER))).isFalse();
    assertThat(Readers.admit(readers, caller("fidu", Role.COORDINATOR))).isFalse();
  }

  @Test
  void onlyPartnersAndCoordinatorsOfANamedOrganisationAreGranted() {
    assertThatThrownBy(() -> Readers.grant(Role.ADMIN, "odf"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Readers.anyOrganisation(Role.INDEXER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Readers.grant(Role.PARTNER, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
