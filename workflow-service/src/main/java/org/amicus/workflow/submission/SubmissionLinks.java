package org.amicus.workflow.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.amicus.platform.web.ProblemTypes;
import org.amicus.workflow.cases.CasesClient;
import org.amicus.workflow.submission.SubmissionContent.RiskLevel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What a submission links to, checked at every save and submit: linking a case or recommendation
 * needs the right to read it, and the submission's risk level is at least the highest of its linked
 * cases. Readability is cases-service's own rule, asked with the caller's own token; an id the
 * caller cannot read gets exactly the answer an unknown id gets, so no answer tells whether a
 * private record exists.
 */
@Component
public class SubmissionLinks {

  static final String NOT_A_READABLE_CASE = "is not a case you can read or it does not exist";
  static final String NOT_A_READABLE_RECOMMENDATION =
      "is not a recommendation you can read or it does not exist";

  private final CasesClient cases;

  SubmissionLinks(CasesClient cases) {
    this.cases = cases;
  }

  /** Throws a 400 naming each link the caller may not make, and a risk level set too low. */
  public void check(SubmissionContent content) {
    if (content.caseIds().isEmpty() && content.recommendationIds().isEmpty()) {
      return;
    }
    Jwt user = callerToken();
    List<FieldError> errors = new ArrayList<>();
    RiskLevel minimum = RiskLevel.LOW;
    try {
      List<Long> caseIds = content.caseIds();
      for (int i = 0; i < caseIds.size(); i++) {
        Optional<CasesClient.LinkedCase> linked = cases.findCaseAs(user, caseIds.get(i));
        if (linked.isEmpty()) {
          errors.add(new FieldError("caseIds[" + i + "]", NOT_A_READABLE_CASE));
          continue;
        }
        RiskLevel required = submissionLevelFor(linked.get().riskLevel());
        if (required.compareTo(minimum) > 0) {
          minimum = required;
        }
      }
      List<Long> recommendationIds = content.recommendationIds();
      for (int i = 0; i < recommendationIds.size(); i++) {
        if (!cases.canReadRecommendation(user, recommendationIds.get(i))) {
          errors.add(new FieldError("recommendationIds[" + i + "]", NOT_A_READABLE_RECOMMENDATION));
        }
      }
    } catch (CasesClient.Unavailable e) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          ProblemTypes.INTERNAL,
          "The linked cases cannot be checked right now; nothing was changed. Try again later.");
    }
    if (content.riskLevel().compareTo(minimum) < 0) {
      errors.add(
          new FieldError(
              "riskLevel",
              "must be at least " + minimum + ", the highest risk level of the linked cases"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  /**
   * The least a submission may say for a case's risk level. A submission's scale ends at HIGH, so a
   * CRITICAL case asks for HIGH; a level this service does not know asks for the highest.
   */
  static RiskLevel submissionLevelFor(String caseRiskLevel) {
    if (caseRiskLevel == null) {
      return RiskLevel.HIGH;
    }
    return switch (caseRiskLevel) {
      case "LOW" -> RiskLevel.LOW;
      case "MEDIUM" -> RiskLevel.MEDIUM;
      default -> RiskLevel.HIGH;
    };
  }

  /** The access token the caller sent: cases-service decides with it what the caller may read. */
  private static Jwt callerToken() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return token.getToken();
    }
    throw new IllegalStateException("Links are checked only on behalf of an authenticated caller");
  }
}
