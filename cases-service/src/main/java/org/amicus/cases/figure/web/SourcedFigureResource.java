package org.amicus.cases.figure.web;

import java.util.Map;
import org.amicus.cases.figure.FigurePayloads.FigureFilter;
import org.amicus.cases.figure.FigurePayloads.FigureRequest;
import org.amicus.cases.figure.FigurePayloads.FigureView;
import org.amicus.cases.figure.SourcedFigureCsv;
import org.amicus.cases.figure.SourcedFigureService;
import org.amicus.cases.shared.CsvRecordResource;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sourced figures, next to the computed ones at {@code /api/stats}. */
@RestController
@RequestMapping("/api/stats/sourced")
class SourcedFigureResource
    extends CsvRecordResource<FigureRequest, FigureView, FigureFilter, FigureView> {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "id", "id",
          "refersFrom", "refersFrom",
          "label", "label",
          "updatedAt", "updatedAt");

  SourcedFigureResource(SourcedFigureService figures, SourcedFigureCsv csv) {
    super("/api/stats/sourced", "sourced-figures", figures, SORTABLE, csv);
  }
}
