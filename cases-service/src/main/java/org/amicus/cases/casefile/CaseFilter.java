package org.amicus.cases.casefile;

import org.amicus.cases.shared.Visibility;

/** Filters of the case list; null means any. */
public record CaseFilter(
    String q,
    Status status,
    String country,
    Violation violation,
    Visibility visibility,
    String ownerOrg,
    Integer year,
    RiskLevel riskLevel,
    Long personId) {}
