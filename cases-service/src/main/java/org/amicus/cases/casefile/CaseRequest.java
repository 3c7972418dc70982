package org.amicus.cases.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.amicus.cases.shared.Visibility;

/**
 * What a client sends to create or replace a case.
 *
 * @param year the year in the reference; defaults to the current year, fixed once created
 */
public record CaseRequest(
    @NotBlank @Size(max = 300) String title,
    @Size(max = 20000) String summary,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code like KZ")
        String country,
    @Min(1900) @Max(2100) Integer year,
    @Size(max = 200) List<@NotNull Long> personIds,
    Set<@NotNull Violation> violations,
    @NotNull Status status,
    @NotNull RiskLevel riskLevel,
    @NotNull Visibility visibility) {}
