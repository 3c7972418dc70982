package org.amicus.cases.casefile;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;

/**
 * What a charge, an event, a UN decision and a representation have in common: each belongs to one
 * case, may concern one of the case's persons, takes its values from a request only after checking
 * them (refusing with every offending field at once), and shows itself as a view. Only its case
 * ({@link CaseFile}) creates, changes and removes a part.
 *
 * @param <Q> the request that states the part
 * @param <V> how a reader sees it
 */
@MappedSuperclass
abstract class CasePart<Q, V> implements Comparable<CasePart<Q, V>> {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private CaseFile caseFile;

  /** The person concerned; null when the part concerns every person of the case. */
  Long personId;

  /** Checks the request against {@code rules} and, when nothing is refused, takes its values. */
  abstract void apply(Q request, PartRules rules);

  abstract V view(LocalDate today);

  final void belongTo(CaseFile owner) {
    this.caseFile = owner;
  }

  final boolean concerns(Long person) {
    return person.equals(personId);
  }

  /** Parts are listed in the order they were added; events override this with their date. */
  @Override
  public int compareTo(CasePart<Q, V> other) {
    return id.compareTo(other.id);
  }
}
