package org.amicus.workflow.submission;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The kinds of submission the coalition sends (docs/domain.md, "Word limits and the kinds of
 * submission"), each with the rules its target sets.
 */
public enum SubmissionType {
  /** OHCHR: at most 2,815 words, a Word document with numbered paragraphs. */
  UPR_INDIVIDUAL(Set.of(Target.OHCHR_UPR), 2_815, Channel.UN, DocumentFormat.DOCX, false),
  /** OHCHR: at most 5,630 words; every co-submitter named at the start with a description. */
  UPR_JOINT(Set.of(Target.OHCHR_UPR), 5_630, Channel.UN, DocumentFormat.DOCX, true),
  SPECIAL_PROCEDURES_URGENT_APPEAL(
      Set.of(Target.OHCHR_SPECIAL_PROCEDURES), 0, Channel.UN, DocumentFormat.PDF, false),
  SPECIAL_PROCEDURES_ALLEGATION_LETTER(
      Set.of(Target.OHCHR_SPECIAL_PROCEDURES), 0, Channel.UN, DocumentFormat.PDF, false),
  WGAD_INDIVIDUAL_COMPLAINT(Set.of(Target.UN_WGAD), 0, Channel.UN, DocumentFormat.PDF, false),
  /** Free form, to the European Parliament (e.g. DROI) or another EU institution. */
  EU_BRIEFING(
      EnumSet.of(Target.EUROPEAN_PARLIAMENT, Target.EU_INSTITUTIONS),
      0,
      Channel.EU,
      DocumentFormat.PDF,
      false);

  private final Set<Target> targets;
  private final int wordLimit;
  private final Channel channel;
  private final DocumentFormat format;
  private final boolean jointOnly;

  SubmissionType(
      Set<Target> targets,
      int wordLimit,
      Channel channel,
      DocumentFormat format,
      boolean jointOnly) {
    this.targets = targets;
    this.wordLimit = wordLimit;
    this.channel = channel;
    this.format = format;
    this.jointOnly = jointOnly;
  }

  public Set<Target> targets() {
    return targets;
  }

  /** The target used when the author names none: the first of {@link #targets()}. */
  public Target defaultTarget() {
    return targets.stream().sorted().findFirst().orElseThrow();
  }

  /** The most words the target accepts, counted by {@link WordCount}; empty when unlimited. */
  public OptionalInt wordLimit() {
    return wordLimit == 0 ? OptionalInt.empty() : OptionalInt.of(wordLimit);
  }

  /** The consent channel a person named in it must have agreed to. */
  public Channel channel() {
    return channel;
  }

  public DocumentFormat format() {
    return format;
  }

  /** Whether the submission is only valid with at least one co-signing organisation. */
  public boolean requiresCoSigners() {
    return jointOnly;
  }

  /** Where a submission goes. */
  public enum Target {
    /** Publishes the stakeholder submissions it receives on its website. */
    OHCHR_UPR(true),
    /** Communications stay confidential until the special procedures' communications report. */
    OHCHR_SPECIAL_PROCEDURES(false),
    /** Individual complaints are confidential. */
    UN_WGAD(false),
    /**
     * Treated as publishing: briefings routinely end up in hearing documents, minutes or on the
     * institution's website, and nobody can tell in advance which will (docs/access.md).
     */
    EUROPEAN_PARLIAMENT(true),
    EU_INSTITUTIONS(true);

    private final boolean publishes;

    Target(boolean publishes) {
      this.publishes = publishes;
    }

    /**
     * Whether the target publishes what it receives, so a person named in it needs consent to be
     * named in public as well as on the channel.
     */
    public boolean publishes() {
      return publishes;
    }
  }

  /** The channels consent to be named is recorded for (cases-service). */
  public enum Channel {
    UN,
    EU,
    PUBLIC
  }

  public enum DocumentFormat {
    DOCX,
    PDF
  }
}
