package org.amicus.workflow.submission;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published, inside the saving transaction, when a revision changes the deadline of a submission
 * whose review process is running: the process's deadline timers must follow, and a listener that
 * refuses the new date rolls the whole save back.
 *
 * @param deadline the new deadline; null when the authors removed it
 */
public record DeadlineChanged(
    UUID submissionId, String processInstanceId, LocalDate previous, LocalDate deadline) {}
