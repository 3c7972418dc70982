package org.amicus.workflow.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.workflow.submission.SubmissionEvents;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what, when: Amicus' own journal (edits, comments, decisions) merged with Camunda's
 * history of the process (tasks opened and closed, timers, dispatch).
 */
@Service
public class SubmissionHistory {

  private final SubmissionService submissions;
  private final SubmissionEvents events;
  private final HistoryService history;

  SubmissionHistory(
      SubmissionService submissions, SubmissionEvents events, HistoryService history) {
    this.submissions = submissions;
    this.events = events;
    this.history = history;
  }

  @Transactional(readOnly = true)
  public List<Entry> of(Caller caller, UUID id) {
    SubmissionSnapshot submission = submissions.get(caller, id);
    List<Entry> entries = new ArrayList<>();
    for (SubmissionEvents.Event e : events.of(id)) {
      entries.add(
          new Entry(
              e.at(),
              "amicus",
              e.action(),
              e.actor(),
              e.actorOrganisation(),
              e.revision(),
              e.detail()));
    }
    if (submission.processInstanceId() != null) {
      for (HistoricTaskInstance task :
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceId(submission.processInstanceId())
              .list()) {
        entries.add(
            new Entry(
                task.getStartTime().toInstant(),
                "process",
                "TASK_OPENED",
                null,
                null,
                null,
                task.getName()));
        if (task.getEndTime() != null) {
          entries.add(
              new Entry(
                  task.getEndTime().toInstant(),
                  "process",
                  "completed".equals(task.getDeleteReason()) ? "TASK_COMPLETED" : "TASK_CLOSED",
                  task.getAssignee(),
                  null,
                  null,
                  task.getName()));
        }
      }
      for (HistoricActivityInstance activity :
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(submission.processInstanceId())
              .list()) {
        String type = activity.getActivityType();
        if (type.endsWith("Timer") || "serviceTask".equals(type) || "noneEndEvent".equals(type)) {
          entries.add(
              new Entry(
                  activity.getStartTime().toInstant(),
                  "process",
                  "STEP",
                  null,
                  null,
                  null,
                  activity.getActivityName()));
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  /**
   * One line of history.
   *
   * @param source {@code amicus} for the service's journal, {@code process} for the engine's
   * @param detail the task or step name, or the reference an action recorded
   */
  public record Entry(
      Instant at,
      String source,
      String action,
      String actor,
      String actorOrganisation,
      Integer revision,
      String detail) {}
}
