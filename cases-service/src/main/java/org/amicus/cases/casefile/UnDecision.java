package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.DecisionView;

/** What a UN body decided on the case, and how far the state complied. */
@Entity
class UnDecision extends CasePart<DecisionRequest, DecisionView> {

  @Enumerated(EnumType.STRING)
  UnBody body;

  String reference;
  LocalDate decidedOn;
  String finding;
  String requestedRemedy;

  @Enumerated(EnumType.STRING)
  Compliance compliance;

  @Override
  void apply(DecisionRequest request, PartRules rules) {
    rules.person(request.personId());
    rules.refuseIfAny();
    body = request.body();
    reference = request.reference().trim();
    decidedOn = request.date();
    finding = request.finding();
    requestedRemedy = request.requestedRemedy();
    compliance = request.compliance();
    personId = request.personId();
  }

  @Override
  DecisionView view(LocalDate today) {
    return new DecisionView(
        id, body, reference, decidedOn, finding, requestedRemedy, compliance, personId);
  }
}
