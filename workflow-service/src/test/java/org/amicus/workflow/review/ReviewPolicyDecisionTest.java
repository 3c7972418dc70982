package org.amicus.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of dmn/review-policy.dmn, evaluated by the engine on PostgreSQL. */
class ReviewPolicyDecisionTest {

  @ParameterizedTest(name = "{0} {1} namesPeople={2} -> rule {3}")
  @CsvSource({
    "SPECIAL_PROCEDURES_URGENT_APPEAL, LOW,    true,  Rule_UrgentAppealNamingPeople,        2, true",
    "UPR_JOINT,                        HIGH,   true,  Rule_HighRiskNamingPeople,            2, true",
    "SPECIAL_PROCEDURES_URGENT_APPEAL, HIGH,   false, Rule_HighRisk,                        2, false",
    "WGAD_INDIVIDUAL_COMPLAINT,        LOW,    true,  Rule_IndividualComplaintNamingPeople, 1, true",
    "EU_BRIEFING,                      MEDIUM, true,  Rule_MediumRiskNamingPeople,          1, true",
    "UPR_INDIVIDUAL,                   MEDIUM, false, Rule_Default,                         1, false",
    "UPR_INDIVIDUAL,                   LOW,    true,  Rule_Default,                         1, false",
  })
  void decidesTheReviewsASubmissionNeeds(
      String type,
      String risk,
      boolean namesPeople,
      String rule,
      int reviewsRequired,
      boolean legalReview) {
    ProcessEngine engine = ProcessEngineOnPostgres.engine();

    DmnDecisionRuleResult result =
        engine
            .getDecisionService()
            .evaluateDecisionTableByKey(
                SubmissionReviewProcess.DECISION_KEY,
                Map.of(
                    SubmissionReviewProcess.SUBMISSION_TYPE, type,
                    SubmissionReviewProcess.RISK_LEVEL, risk,
                    SubmissionReviewProcess.NAMES_PEOPLE, namesPeople))
            .getSingleResult();

    assertThat((Object) result.getEntry(SubmissionReviewProcess.REVIEWS_REQUIRED))
        .isEqualTo(reviewsRequired);
    assertThat((Object) result.getEntry(SubmissionReviewProcess.LEGAL_REVIEW))
        .isEqualTo(legalReview);
    HistoricDecisionInstance evaluation =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(SubmissionReviewProcess.DECISION_KEY)
            .includeOutputs()
            .orderByEvaluationTime()
            .desc()
            .listPage(0, 1)
            .get(0);
    assertThat(evaluation.getOutputs()).allMatch(o -> o.getRuleId().equals(rule));
  }
}
