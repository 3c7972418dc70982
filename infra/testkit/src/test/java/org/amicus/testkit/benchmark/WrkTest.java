package org.amicus.testkit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkTest {

  @Test
  void readsRateLatenciesAndEveryKindOfErrorFromWrksOutput() {
    Wrk wrk =
        Wrk.parse(
            """
            Running 15s test @ http://localhost:8081/api/cases/7
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    19.01ms    6.20ms  91.00ms   80.00%
              Latency Distribution
                 50%  850.00us
                 75%   20.00ms
                 90%   25.00ms
                 99%    1.20s
              6321 requests in 15.02s, 9.81MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:    420.84
            Transfer/sec:    669.02KB
            """);

    assertThat(wrk.requests()).isEqualTo(6321);
    assertThat(wrk.errors()).isEqualTo(7);
    assertThat(wrk.perSecond()).isEqualTo(420.84);
    assertThat(wrk.p50Millis()).isEqualTo(0.85);
    assertThat(wrk.p99Millis()).isEqualTo(1200);
    assertThat(wrk.row("read")).isEqualTo("| read | 6,321 | 7 | 421 | 0.9 | 1200.0 |");
  }
}
