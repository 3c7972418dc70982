package org.amicus.cases.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amicus.cases.audit.AuditEntry;
import org.amicus.cases.casefile.CaseCsv;
import org.amicus.cases.casefile.CaseFilter;
import org.amicus.cases.casefile.CaseParts.ArticleView;
import org.amicus.cases.casefile.CaseRequest;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.CaseSummary;
import org.amicus.cases.casefile.CaseView;
import org.amicus.cases.shared.CsvRecordResource;
import org.amicus.cases.shared.MergePatchEndpoint;
import org.amicus.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases: the list and CSV, one case with its parts, its history; the parts have their own. */
@RestController
@RequestMapping("/api/cases")
class CaseResource extends CsvRecordResource<CaseRequest, CaseView, CaseFilter, CaseSummary>
    implements MergePatchEndpoint<CaseView> {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "reference", "reference",
          "title", "title",
          "year", "year",
          "status", "status",
          "riskLevel", "riskLevel",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  private final CaseService cases;

  CaseResource(CaseService cases, CaseCsv csv) {
    super("/api/cases", "cases", cases, SORTABLE, csv);
    this.cases = cases;
  }

  @Override
  public CaseView mergePatch(Caller caller, long id, String ifMatch, JsonNode patch) {
    return cases.patch(caller, id, ifMatch, patch);
  }

  @Operation(summary = "Who changed what in the case, when")
  @GetMapping("/{id}/history")
  List<AuditEntry> history(Caller caller, @PathVariable long id) {
    return cases.history(caller, id);
  }

  /** The legal-article vocabulary charges are chosen from; not case content. */
  @Operation(summary = "The legal articles of a country that charges are chosen from")
  @GetMapping("/articles")
  List<ArticleView> articles(@RequestParam String country) {
    return cases.articles(country.toUpperCase(Locale.ROOT));
  }
}
