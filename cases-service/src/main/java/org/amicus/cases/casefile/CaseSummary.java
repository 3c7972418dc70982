package org.amicus.cases.casefile;

import java.util.Set;
import org.amicus.cases.shared.Visibility;

/** A case as a list shows it. */
public record CaseSummary(
    long id,
    String reference,
    String title,
    String country,
    int year,
    Status status,
    RiskLevel riskLevel,
    String ownerOrg,
    Visibility visibility,
    Set<Violation> violations,
    boolean demo,
    long version) {}
