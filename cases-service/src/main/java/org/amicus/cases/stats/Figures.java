package org.amicus.cases.stats;

import java.util.List;
import java.util.Map;

/**
 * The figures the coalition quotes, computed at request time over the cases the caller may read.
 *
 * @param currentlyDetained distinct persons whose latest custody event keeps them in custody
 * @param prosecuted distinct persons with at least one charge
 * @param detentionsPerMonth arrests and detentions per person and month (events known to the month)
 * @param unDecisions UN decisions per state compliance, with the total ("25 out of 32 ignored")
 * @param recommendations UPR recommendations per response and per implementation assessment
 * @param casesCounted the case records the case figures are computed from ("from N records")
 */
public record Figures(
    long currentlyDetained,
    long prosecuted,
    List<MonthCount> detentionsPerMonth,
    List<ArticleCount> casesPerArticle,
    UnDecisions unDecisions,
    Recommendations recommendations,
    long casesCounted) {

  public record MonthCount(String month, long detentions) {}

  public record ArticleCount(
      String country, String code, String article, String title, long cases) {}

  public record UnDecisions(long total, Map<String, Long> byCompliance) {}

  public record Recommendations(
      long total, Map<String, Long> byResponse, Map<String, Long> byImplementation) {}
}
