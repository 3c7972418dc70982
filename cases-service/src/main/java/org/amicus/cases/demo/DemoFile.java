package org.amicus.cases.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.amicus.cases.casefile.Compliance;
import org.amicus.cases.casefile.EventType;
import org.amicus.cases.casefile.Reliability;
import org.amicus.cases.casefile.RiskLevel;
import org.amicus.cases.casefile.Status;
import org.amicus.cases.casefile.UnBody;
import org.amicus.cases.casefile.Violation;
import org.amicus.cases.person.Channel;
import org.amicus.cases.person.Gender;
import org.amicus.cases.person.Occupation;
import org.amicus.cases.recommendation.Implementation;
import org.amicus.cases.recommendation.Response;
import org.amicus.cases.shared.Visibility;

/** The shape of the demo data file; persons are referred to by a key within their case. */
record DemoFile(
    String source,
    List<String> notes,
    List<DemoCase> cases,
    List<DemoRecommendation> recommendations) {

  record DemoCase(
      String key,
      String owner,
      List<DemoPerson> persons,
      @JsonProperty("case") CaseBody body,
      List<DemoCharge> charges,
      List<DemoEvent> events,
      List<DemoDecision> decisions) {}

  record DemoPerson(
      String key,
      String originalName,
      List<String> spellings,
      Integer birthYear,
      Gender gender,
      String region,
      Occupation occupation,
      String pseudonym,
      Visibility visibility,
      List<DemoConsent> consent) {}

  record DemoConsent(Channel channel, boolean granted, LocalDate date) {}

  record CaseBody(
      String title,
      String summary,
      String country,
      int year,
      Set<Violation> violations,
      Status status,
      RiskLevel riskLevel,
      Visibility visibility) {}

  record DemoCharge(String article, String person, String date, String note) {}

  record DemoEvent(
      EventType type,
      String date,
      String person,
      String place,
      String perpetrator,
      String source,
      Reliability reliability,
      Integer termMonths,
      String description) {}

  record DemoDecision(
      UnBody body,
      String reference,
      LocalDate date,
      String finding,
      String requestedRemedy,
      Compliance compliance,
      String person) {}

  /**
   * One paragraph of a UPR report, made by one state.
   *
   * @param sourceStatus whether a public source confirmed the paragraph, its adopted text and the
   *     response; an unverified entry's paragraph is {@code unverified-NN}, never a made-up number
   * @param evidence keys of demo cases that show the (non-)implementation
   */
  record DemoRecommendation(
      String stateUnderReview,
      int cycle,
      Integer session,
      String reportSymbol,
      String paragraph,
      SourceStatus sourceStatus,
      List<String> recommendingStates,
      String text,
      List<String> themes,
      Response response,
      Implementation implementation,
      String note,
      List<String> evidence) {}

  /** Whether public sources (the report, its addendum, UPR Info) confirmed a demo entry. */
  enum SourceStatus {
    VERIFIED,
    UNVERIFIED;

    /** The paragraph prefix that marks an entry no source confirmed. */
    static final String UNVERIFIED_PARAGRAPH = "unverified-";

    /** Whether the paragraph says what the status says: a real one only when verified. */
    boolean fits(String paragraph) {
      return (this == UNVERIFIED) == paragraph.startsWith(UNVERIFIED_PARAGRAPH);
    }
  }
}
