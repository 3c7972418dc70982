package org.amicus.cases.casefile;

import jakarta.persistence.Entity;
import java.time.LocalDate;
import org.amicus.cases.casefile.CaseParts.RepresentationRequest;
import org.amicus.cases.casefile.CaseParts.RepresentationView;

/** A power of attorney a person gave an organisation. */
@Entity
class Representation extends CasePart<RepresentationRequest, RepresentationView> {

  String organisation;
  LocalDate grantedOn;
  LocalDate revokedOn;

  @Override
  void apply(RepresentationRequest request, PartRules rules) {
    rules.person(request.personId());
    if (request.revokedOn() != null && request.revokedOn().isBefore(request.grantedOn())) {
      rules.refuse("revokedOn", "must not be before grantedOn");
    }
    rules.refuseIfAny();
    personId = request.personId();
    organisation = request.organisation().trim();
    grantedOn = request.grantedOn();
    revokedOn = request.revokedOn();
  }

  /** Active until the day it is revoked. */
  @Override
  RepresentationView view(LocalDate today) {
    return new RepresentationView(
        id,
        personId,
        organisation,
        grantedOn,
        revokedOn,
        revokedOn == null || revokedOn.isAfter(today));
  }
}
