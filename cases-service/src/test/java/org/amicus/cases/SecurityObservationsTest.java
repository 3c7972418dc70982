package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request is measured as a whole, not once more for every security filter, the authentication and
 * the authorization: those observations took about a tenth of a case read's CPU.
 */
class SecurityObservationsTest extends CasesIntegrationTest {

  @Autowired MeterRegistry meters;

  @Test
  void anAuthenticatedReadIsMeasuredAsARequestWithoutSecurityObservations() throws Exception {
    assertThat(getAs(ANNA, "/api/cases").getStatus()).isEqualTo(200);

    assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    assertThat(meters.find("spring.security.authentications").meters()).isEmpty();
    assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
  }
}
