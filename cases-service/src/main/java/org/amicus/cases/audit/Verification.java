package org.amicus.cases.audit;

/**
 * The outcome of recomputing the audit chain.
 *
 * @param firstBrokenSeq the first row whose hash, link or position does not fit; null when intact
 * @param problem what is wrong there, in words
 */
public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem) {

  Verification broken(long seq, String why) {
    return new Verification(false, entries, seq, why);
  }
}
