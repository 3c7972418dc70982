package org.amicus.cases.stats.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import org.amicus.cases.stats.Figures;
import org.amicus.cases.stats.StatsQuery;
import org.amicus.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatsResource {

  private final StatsQuery stats;

  StatsResource(StatsQuery stats) {
    this.stats = stats;
  }

  /** The figures over every case the caller may read, optionally for one country. */
  @Operation(summary = "Figures over every case the caller may read, optionally for one country")
  @GetMapping("/api/stats")
  Figures figures(Caller caller, @RequestParam(required = false) String country) {
    return stats.figures(caller, country == null ? null : country.toUpperCase(Locale.ROOT));
  }
}
