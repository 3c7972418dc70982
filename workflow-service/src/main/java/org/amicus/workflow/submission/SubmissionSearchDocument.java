package org.amicus.workflow.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What search-service indexes for a submission. {@code readers} decides who finds it: the grants of
 * {@link SubmissionAccess#readers}, the same rule the API reads by. {@code ownerOrg} (the lead
 * organisation), {@code visibility} ({@code ORGANISATION} as a draft, {@code COALITION} once
 * submitted) and {@code coSigners} are for display and facets only.
 *
 * <p>The contract is the JSON Schema {@code contracts/submission-search-document.v1.schema.json} in
 * this module's resources, not this type: search-service reads it with a reader of its own and
 * keeps a copy of the schema. A change of a field changes the schema (a new version) and that copy.
 */
record SubmissionSearchDocument(
    UUID id,
    String ownerOrg,
    String visibility,
    List<String> readers,
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
        SubmissionAccess.readers(s),
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
