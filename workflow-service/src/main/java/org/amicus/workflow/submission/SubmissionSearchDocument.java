package org.amicus.workflow.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What search-service indexes for a submission, with the ACL fields every search document has:
 * {@code ownerOrg} (the lead organisation) and {@code visibility} ({@code ORGANISATION} while only
 * its authors may see it, {@code COALITION} once submitted for review). Co-signing organisations
 * may always read it, hence {@code coSigners}.
 */
record SubmissionSearchDocument(
    UUID id,
    String ownerOrg,
    String visibility,
    List<String> coSigners,
    String status,
    String type,
    String target,
    String title,
    String language,
    LocalDate deadline,
    int revision,
    List<Long> caseIds,
    List<Long> recommendationIds,
    List<String> headings,
    String text,
    Instant updatedAt) {

  static SubmissionSearchDocument of(SubmissionSnapshot s) {
    SubmissionContent c = s.content();
    return new SubmissionSearchDocument(
        s.id(),
        s.leadOrganisation(),
        s.status() == SubmissionStatus.DRAFT ? "ORGANISATION" : "COALITION",
        c.coSigningOrganisations(),
        s.status().name(),
        s.type().name(),
        s.target().name(),
        c.title(),
        c.language(),
        c.deadline(),
        s.revision(),
        c.caseIds(),
        c.recommendationIds(),
        c.sections().stream().map(SubmissionContent.Section::heading).toList(),
        String.join("\n\n", c.sections().stream().map(SubmissionContent.Section::text).toList()),
        s.updatedAt());
  }
}
