package org.amicus.cases.casefile.web;

import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.ChargeView;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.DecisionView;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseParts.EventView;
import org.amicus.cases.casefile.CaseParts.RepresentationRequest;
import org.amicus.cases.casefile.CaseParts.RepresentationView;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.PartKind;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four kinds of part of a case, each at its own path with the same four operations. The API
 * reference names each operation as if it were written for its kind ({@code addCharge}, "Add a
 * charge to the case").
 */
final class CasePartResources {

  private CasePartResources() {}

  @RestController
  @RequestMapping("/api/cases/{id}/charges")
  static class Charges extends CasePartsResource<ChargeRequest, ChargeView> {
    Charges(CaseService cases) {
      super(cases, PartKind.CHARGES, "charge");
    }
  }

  @RestController
  @RequestMapping("/api/cases/{id}/events")
  static class Events extends CasePartsResource<EventRequest, EventView> {
    Events(CaseService cases) {
      super(cases, PartKind.EVENTS, "procedural event");
    }
  }

  @RestController
  @RequestMapping("/api/cases/{id}/decisions")
  static class Decisions extends CasePartsResource<DecisionRequest, DecisionView> {
    Decisions(CaseService cases) {
      super(cases, PartKind.DECISIONS, "decision");
    }
  }

  @RestController
  @RequestMapping("/api/cases/{id}/representations")
  static class Representations
      extends CasePartsResource<RepresentationRequest, RepresentationView> {
    Representations(CaseService cases) {
      super(cases, PartKind.REPRESENTATIONS, "legal representation");
    }
  }
}
