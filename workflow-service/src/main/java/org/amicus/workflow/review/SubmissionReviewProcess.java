package org.amicus.workflow.review;

/**
 * The names {@code bpmn/submission-review.bpmn} and {@code dmn/review-policy.dmn} share with the
 * Java code: the process key, element ids and variables (documented in docs/workflow.md).
 */
public final class SubmissionReviewProcess {

  public static final String PROCESS_KEY = "submission-review";
  public static final String DECISION_KEY = "review-policy";
  public static final String MESSAGE_ACKNOWLEDGED = "SubmissionAcknowledged";

  /** Element ids. */
  public static final String TASK_DECIDE_REVIEW_POLICY = "Task_DecideReviewPolicy";

  public static final String TASK_REVIEW = "Task_ReviewSubmission";
  public static final String TASK_LEGAL_REVIEW = "Task_LegalReview";
  public static final String TASK_CO_SIGNER_SIGN_OFF = "Task_CoSignerSignOff";
  public static final String TASK_REVISE = "Task_ReviseSubmission";
  public static final String TASK_DISPATCH = "Task_DispatchSubmission";
  public static final String TASK_AWAIT_ACKNOWLEDGEMENT = "Task_AwaitAcknowledgement";
  public static final String TASK_REMIND = "Task_RemindAuthors";
  public static final String TASK_ESCALATE = "Task_EscalateToCoordinators";
  public static final String TASK_FOLLOW_UP_OVERDUE = "Task_FollowUpOverdue";
  public static final String TASK_RECORD_MISSED_DEADLINE = "Task_RecordMissedDeadline";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_ACKNOWLEDGED = "EndEvent_Acknowledged";
  public static final String END_MISSED_DEADLINE = "EndEvent_MissedDeadline";
  public static final String BOUNDARY_CONSENT_WITHDRAWN = "BoundaryEvent_ConsentWithdrawn";

  /** The BPMN error the dispatch throws when consent was withdrawn after approval. */
  public static final String ERROR_CONSENT_WITHDRAWN = "ConsentWithdrawn";

  public static final String TIMER_REMINDER = "BoundaryEvent_ReminderDue";

  /** The non-interrupting timer start of the escalation event sub-process. */
  public static final String TIMER_ESCALATION = "StartEvent_EscalationDue";

  public static final String TIMER_DEADLINE = "BoundaryEvent_DeadlinePassed";

  /** Variables set when the process starts (and again on each resubmission). */
  public static final String SUBMISSION_ID = "submissionId";

  public static final String REVISION = "revision";
  public static final String SUBMISSION_TYPE = "submissionType";
  public static final String RISK_LEVEL = "riskLevel";
  public static final String NAMES_PEOPLE = "namesPeople";
  public static final String LEAD_ORGANISATION = "leadOrganisation";

  /** The co-signing organisations' ids (a list); one sign-off task each. */
  public static final String CO_SIGNERS = "coSigners";

  /** The organisation of one sign-off task (the multi-instance element variable). */
  public static final String CO_SIGNER = "coSigner";

  public static final String REMINDER_AT = "reminderAt";
  public static final String ESCALATE_AT = "escalateAt";
  public static final String DEADLINE_AT = "deadlineAt";

  /** What was still open when the escalation fired, for the coordinators' follow-up task. */
  public static final String OVERDUE = "overdue";

  /** Outputs of the review-policy decision. */
  public static final String REVIEWS_REQUIRED = "reviewsRequired";

  public static final String LEGAL_REVIEW = "legalReview";

  /** Set by the people completing tasks. */
  public static final String REVIEW_DECISION = "reviewDecision";

  public static final String LEGAL_DECISION = "legalDecision";
  public static final String SIGN_OFF_DECLINED = "signOffDeclined";

  /**
   * True when the dispatch stopped because consent was withdrawn: the review sub-process starts
   * again at the authors' revision; false again on each (re)submission.
   */
  public static final String DISPATCH_STOPPED = "dispatchStopped";

  /** Usernames of the coordinators who approved in the current round, comma-separated. */
  public static final String REVIEW_APPROVERS = "reviewApprovers";

  /** Decisions as they travel in variables. */
  public static final String APPROVE = "APPROVE";

  public static final String RETURN = "RETURN";
  public static final String REJECT = "REJECT";

  /** Candidate group of the tasks for one organisation's staff. */
  public static String organisationGroup(String organisation) {
    return "org:" + organisation;
  }

  public static final String COORDINATOR_GROUP = "coordinator";

  private SubmissionReviewProcess() {}
}
