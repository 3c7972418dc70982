package org.amicus.cases.casefile;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.ChargeView;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.DecisionView;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseParts.EventView;
import org.amicus.cases.casefile.CaseParts.RepresentationRequest;
import org.amicus.cases.casefile.CaseParts.RepresentationView;

/**
 * Names one of the four kinds of part of a case: in problems ({@code "Charge 12"}), in the audit
 * trail ({@code charge.add}, {@code read.charges}) and in the API path ({@code /charges}). What a
 * part does is on the part itself ({@link CasePart}).
 *
 * @param <Q> the request that states a part of this kind
 * @param <V> how a reader sees it
 */
public final class PartKind<Q, V> {

  public static final PartKind<ChargeRequest, ChargeView> CHARGES =
      new PartKind<>("Charge", "charge", "charges", Charge.class, Charge::new, c -> c.charges);
  public static final PartKind<EventRequest, EventView> EVENTS =
      new PartKind<>("Event", "event", "events", CaseEvent.class, CaseEvent::new, c -> c.events);
  public static final PartKind<DecisionRequest, DecisionView> DECISIONS =
      new PartKind<>(
          "Decision", "decision", "decisions", UnDecision.class, UnDecision::new, c -> c.decisions);
  public static final PartKind<RepresentationRequest, RepresentationView> REPRESENTATIONS =
      new PartKind<>(
          "Representation",
          "representation",
          "representations",
          Representation.class,
          Representation::new,
          c -> c.representations);

  private final String name;
  private final String action;
  private final String plural;
  private final Supplier<CasePart<Q, V>> create;
  private final Function<CaseFile, Set<? extends CasePart<Q, V>>> in;
  private final BiConsumer<CaseFile, CasePart<Q, V>> include;

  private <P extends CasePart<Q, V>> PartKind(
      String name,
      String action,
      String plural,
      Class<P> type,
      Supplier<P> create,
      Function<CaseFile, Set<P>> in) {
    this.name = name;
    this.action = action;
    this.plural = plural;
    this.create = create::get;
    this.in = in::apply;
    this.include = (c, part) -> in.apply(c).add(type.cast(part));
  }

  /** Its name in the singular, as in {@code "Charge 12"}. */
  public String name() {
    return name;
  }

  /** Its name in the plural, as in {@code /api/cases/1/charges}. */
  public String plural() {
    return plural;
  }

  String action() {
    return action;
  }

  CasePart<Q, V> create() {
    return create.get();
  }

  /** The case's parts of this kind. */
  Set<? extends CasePart<Q, V>> in(CaseFile c) {
    return in.apply(c);
  }

  void include(CaseFile c, CasePart<Q, V> part) {
    include.accept(c, part);
  }
}
