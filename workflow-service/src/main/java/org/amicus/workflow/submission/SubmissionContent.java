package org.amicus.workflow.submission;

import java.time.LocalDate;
import java.util.List;

/**
 * What the authors write: one immutable value, saved whole as a revision.
 *
 * @param riskLevel the authors' assessment of the risk to the people concerned
 * @param caseIds ids of cases in cases-service; the persons named come from them
 * @param recommendationIds ids of UPR recommendations in cases-service
 */
public record SubmissionContent(
    String title,
    String language,
    LocalDate deadline,
    RiskLevel riskLevel,
    List<CoSigner> coSigners,
    List<Section> sections,
    List<Long> caseIds,
    List<Long> recommendationIds,
    List<String> proposedRecommendations) {

  public SubmissionContent {
    coSigners = coSigners == null ? List.of() : List.copyOf(coSigners);
    sections = sections == null ? List.of() : List.copyOf(sections);
    caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    recommendationIds = recommendationIds == null ? List.of() : List.copyOf(recommendationIds);
    proposedRecommendations =
        proposedRecommendations == null ? List.of() : List.copyOf(proposedRecommendations);
    riskLevel = riskLevel == null ? RiskLevel.LOW : riskLevel;
  }

  public List<String> coSigningOrganisations() {
    return coSigners.stream().map(CoSigner::organisation).toList();
  }

  /** A co-signing organisation with the description joint UPR submissions must carry. */
  public record CoSigner(String organisation, String description) {}

  /** A heading and its text; the order of sections is the order of the document. */
  public record Section(String heading, String text) {}

  public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH
  }
}
