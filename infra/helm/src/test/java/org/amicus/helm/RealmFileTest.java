package org.amicus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Helm reads no file outside the chart, so the chart carries a copy of the realm compose imports.
 * The copy must stay the realm: after a change to infra/keycloak's file, copy it again.
 */
class RealmFileTest {

  @Test
  void theChartsRealmIsByteForByteTheRealmComposeImports() throws IOException {
    Path realm =
        Chart.module()
            .resolve("../keycloak/src/main/resources/org/amicus/keycloak/coalition-realm.json")
            .normalize();
    Path copy = Chart.directory().resolve("files/coalition-realm.json");

    assertThat(Files.readAllBytes(copy))
        .as("cp %s %s", Chart.module().getParent().relativize(realm), copy)
        .isEqualTo(Files.readAllBytes(realm));
  }
}
