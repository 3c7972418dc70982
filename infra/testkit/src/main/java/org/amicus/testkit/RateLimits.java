package org.amicus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

/** What the gateways' rate limit looks like from outside, for the tests of several gateways. */
public final class RateLimits {

  private RateLimits() {}

  /**
   * One user's requests, sent in {@code seconds} to several gateways, were counted in one bucket:
   * the burst plus what refilled (1 a second) meanwhile got through, never the burst at each
   * gateway; the rest was refused with 429, {@code Retry-After} and problem details.
   */
  public static void assertCountedInOneBucket(
      List<HttpResponse<String>> requests, int burst, double seconds) {
    long allowed = requests.stream().filter(response -> response.statusCode() == 200).count();
    assertThat(allowed)
        .as("requests let through in %.1f s", seconds)
        .isGreaterThanOrEqualTo(burst)
        .isLessThanOrEqualTo(burst + (long) Math.ceil(seconds))
        .isLessThan(2L * burst);
    assertThat(requests)
        .filteredOn(response -> response.statusCode() != 200)
        .isNotEmpty()
        .allSatisfy(
            refused -> {
              assertThat(refused.statusCode()).isEqualTo(429);
              assertThat(refused.headers().firstValue("Retry-After")).isPresent();
              assertThat(refused.body()).contains("urn:amicus:problem:too-many-requests");
            });
  }
}
