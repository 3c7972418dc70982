package org.amicus.cases.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.amicus.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

class EtagTest {

  @Test
  void theCurrentVersionPasses() {
    Etag.require("\"3\"", 3);
    Etag.require("W/\"3\"", 3);
  }

  @Test
  void aStaleVersionIs412AndAMissingOne428() {
    assertThatThrownBy(() -> Etag.require("\"2\"", 3))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(412));
    assertThatThrownBy(() -> Etag.require(null, 3))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(428));
  }
}
