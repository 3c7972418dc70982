package org.amicus.workflow.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Jobs that failed past their retries, for admins to see and retry once the cause is fixed. */
@Service
public class Incidents {

  private final RuntimeService runtime;
  private final ManagementService management;

  Incidents(RuntimeService runtime, ManagementService management, MeterRegistry meters) {
    this.runtime = runtime;
    this.management = management;
    Gauge.builder("amicus.workflow.incidents", this, Incidents::count)
        .description("Jobs that failed past their retries and wait for an admin")
        .register(meters);
  }

  /** Open incidents; NaN while the database does not answer. */
  double count() {
    try {
      return runtime.createIncidentQuery().count();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  @Transactional(readOnly = true)
  public List<View> open() {
    return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list().stream()
        .map(this::view)
        .toList();
  }

  /** Gives the failed job one more try; false when there is no such incident. */
  @Transactional
  public boolean retry(String incidentId) {
    Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
    if (incident == null || incident.getConfiguration() == null) {
      return false;
    }
    management.setJobRetries(incident.getConfiguration(), 1);
    return true;
  }

  private View view(Incident incident) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(incident.getProcessInstanceId())
            .singleResult();
    return new View(
        incident.getId(),
        incident.getIncidentType(),
        instance == null ? null : instance.getBusinessKey(),
        incident.getActivityId(),
        incident.getIncidentMessage(),
        incident.getIncidentTimestamp().toInstant());
  }

  /**
   * @param submissionId the submission whose process failed
   * @param activityId the step that failed, e.g. {@code Task_DispatchSubmission}
   * @param message the failure's message (exception messages here never carry personal data)
   */
  public record View(
      String id, String type, String submissionId, String activityId, String message, Instant at) {}
}
