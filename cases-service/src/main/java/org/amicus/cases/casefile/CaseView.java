package org.amicus.cases.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.amicus.cases.casefile.CaseParts.ChargeView;
import org.amicus.cases.casefile.CaseParts.DecisionView;
import org.amicus.cases.casefile.CaseParts.EventView;
import org.amicus.cases.casefile.CaseParts.RepresentationView;
import org.amicus.cases.person.PersonRef;
import org.amicus.cases.shared.Records.Versioned;
import org.amicus.cases.shared.Visibility;

/** A case with all its parts, as one reader may see it. */
public record CaseView(
    long id,
    String reference,
    String title,
    String summary,
    String country,
    int year,
    Status status,
    RiskLevel riskLevel,
    String ownerOrg,
    Visibility visibility,
    Set<Violation> violations,
    List<PersonRef> persons,
    List<ChargeView> charges,
    List<EventView> events,
    List<DecisionView> decisions,
    List<RepresentationView> representations,
    boolean demo,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {}
