package org.amicus.workflow.submission;

/** Where a submission stands; after {@link #DRAFT} and {@link #RETURNED} the process decides. */
public enum SubmissionStatus {
  /** Being written by its lead organisation; nobody else sees it. */
  DRAFT,
  /** Waiting for (or in) coordinator review. */
  IN_REVIEW,
  /** Sent back to its authors with comments. */
  RETURNED,
  /** Approved; waiting for every co-signing organisation to sign off. */
  AWAITING_SIGNATURES,
  /** Signed off by all; being rendered and sent. */
  APPROVED,
  /** Sent to the target; waiting for its acknowledgement. */
  SENT,
  ACKNOWLEDGED,
  REJECTED,
  /** The deadline passed before it was sent. */
  MISSED_DEADLINE;

  public boolean editable() {
    return this == DRAFT || this == RETURNED;
  }
}
