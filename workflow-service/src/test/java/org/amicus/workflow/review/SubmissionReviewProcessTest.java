package org.amicus.workflow.review;

import static org.amicus.workflow.review.SubmissionReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of bpmn/submission-review.bpmn on a bare engine (job executor off) on PostgreSQL. The
 * delegates are stand-ins that record their calls; what they do is tested with the service.
 */
class SubmissionReviewProcessTest {

  private final ProcessEngine engine = ProcessEngineOnPostgres.engine();
  private final RuntimeService runtime = engine.getRuntimeService();
  private final TaskService tasks = engine.getTaskService();
  private final ManagementService management = engine.getManagementService();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private boolean dispatchFails;
  private boolean consentWithdrawn;

  @BeforeEach
  void delegates() {
    BpmnAwareTests.init(engine);
    Mocks.register(
        "remindOfDeadlineDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("remind"));
    Mocks.register(
        "escalateToCoordinatorsDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("escalate"));
    Mocks.register(
        "recordMissedDeadlineDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate) e -> calls.add("missed"));
    Mocks.register(
        "dispatchSubmissionDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate)
            e -> {
              if (dispatchFails) {
                throw new IllegalStateException("SMTP server not reachable");
              }
              if (consentWithdrawn) {
                e.setVariable(DISPATCH_STOPPED, true);
                throw new org.camunda.bpm.engine.delegate.BpmnError(ERROR_CONSENT_WITHDRAWN);
              }
              calls.add("dispatch");
            });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  private ProcessInstance start(
      String type, String risk, boolean namesPeople, String... coSigners) {
    Instant deadline = Instant.now().plus(30, ChronoUnit.DAYS);
    Map<String, Object> variables = new HashMap<>();
    variables.put(SUBMISSION_ID, UUID.randomUUID().toString());
    variables.put(REVISION, 1);
    variables.put(SUBMISSION_TYPE, type);
    variables.put(RISK_LEVEL, risk);
    variables.put(NAMES_PEOPLE, namesPeople);
    variables.put(LEAD_ORGANISATION, "odf");
    variables.put(CO_SIGNERS, new ArrayList<>(List.of(coSigners)));
    variables.put(SIGN_OFF_DECLINED, false);
    variables.put(REVIEW_APPROVERS, "");
    variables.put(DISPATCH_STOPPED, false);
    variables.put(DEADLINE_AT, Date.from(deadline));
    variables.put(REMINDER_AT, Date.from(deadline.minus(14, ChronoUnit.DAYS)));
    variables.put(ESCALATE_AT, Date.from(deadline.minus(3, ChronoUnit.DAYS)));
    return runtime.startProcessInstanceByKey(
        PROCESS_KEY, (String) variables.get(SUBMISSION_ID), variables);
  }

  private Task task(ProcessInstance instance, String key) {
    List<Task> found =
        tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    assertThat(found).as("open %s tasks", key).hasSize(1);
    return found.get(0);
  }

  private void decide(ProcessInstance instance, String key, String variable, Object decision) {
    tasks.complete(task(instance, key).getId(), Map.of(variable, decision));
  }

  private Job job(ProcessInstance instance, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }

  private void sendAndAcknowledge(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(TASK_DISPATCH);
    management.executeJob(job(instance, TASK_DISPATCH).getId());
    assertThat(instance).isWaitingAt(TASK_AWAIT_ACKNOWLEDGEMENT);
    runtime
        .createMessageCorrelation(MESSAGE_ACKNOWLEDGED)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .correlate();
    assertThat(instance).isEnded().hasPassed(END_ACKNOWLEDGED);
  }

  @Test
  void anApprovedSubmissionWithoutCoSignersIsSentAndEndsWhenAcknowledged() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);

    assertThat(instance).hasPassed(TASK_DECIDE_REVIEW_POLICY).isWaitingAt(TASK_REVIEW);
    assertThat(task(instance, TASK_REVIEW)).hasCandidateGroup(COORDINATOR_GROUP);
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);

    sendAndAcknowledge(instance);
    assertThat(calls).containsExactly("dispatch");
    assertThat(instance).hasNotPassed(TASK_LEGAL_REVIEW, TASK_CO_SIGNER_SIGN_OFF);
  }

  @Test
  void aReturnedDraftGoesBackToItsAuthorsAndComesRoundAgain() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);

    decide(instance, TASK_REVIEW, REVIEW_DECISION, RETURN);

    assertThat(instance).isWaitingAt(TASK_REVISE);
    assertThat(task(instance, TASK_REVISE)).hasCandidateGroup("org:odf");
    tasks.complete(task(instance, TASK_REVISE).getId());
    assertThat(instance).isWaitingAt(TASK_REVIEW);
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    sendAndAcknowledge(instance);
  }

  @Test
  void consentWithdrawnAtDispatchReturnsTheDraftAndEveryReviewAndSignOffIsGivenAgain() {
    ProcessInstance instance = start("UPR_JOINT", "LOW", false, "fidu");
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    tasks.complete(task(instance, TASK_CO_SIGNER_SIGN_OFF).getId());
    assertThat(instance).isWaitingAt(TASK_DISPATCH);

    consentWithdrawn = true;
    management.executeJob(job(instance, TASK_DISPATCH).getId());

    assertThat(instance)
        .hasPassed(BOUNDARY_CONSENT_WITHDRAWN)
        .isWaitingAt(TASK_REVISE)
        .hasNotPassed(TASK_AWAIT_ACKNOWLEDGEMENT);
    assertThat(job(instance, TIMER_DEADLINE)).as("the deadline still counts").isNotNull();
    consentWithdrawn = false;
    tasks.complete(task(instance, TASK_REVISE).getId(), Map.of(DISPATCH_STOPPED, false));
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    assertThat(instance).as("signed off again").isWaitingAt(TASK_CO_SIGNER_SIGN_OFF);
    tasks.complete(task(instance, TASK_CO_SIGNER_SIGN_OFF).getId());
    sendAndAcknowledge(instance);
  }

  @Test
  void aRejectedSubmissionEndsWithoutBeingSent() {
    ProcessInstance instance = start("EU_BRIEFING", "LOW", false, "fidu");

    decide(instance, TASK_REVIEW, REVIEW_DECISION, REJECT);

    assertThat(instance).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_DISPATCH);
    assertThat(calls).isEmpty();
  }

  @Test
  void anUrgentAppealNamingPeopleNeedsTwoCoordinatorsAndALegalReview() {
    ProcessInstance instance = start("SPECIAL_PROCEDURES_URGENT_APPEAL", "LOW", true);

    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    assertThat(instance).as("second coordinator").isWaitingAt(TASK_REVIEW);
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);

    assertThat(instance).isWaitingAt(TASK_LEGAL_REVIEW);
    decide(instance, TASK_LEGAL_REVIEW, LEGAL_DECISION, APPROVE);
    sendAndAcknowledge(instance);
  }

  @Test
  void whenTheFirstOfTwoReviewersReturnsItTheSecondIsNotAsked() {
    ProcessInstance instance = start("UPR_JOINT", "HIGH", false, "fidu");

    decide(instance, TASK_REVIEW, REVIEW_DECISION, RETURN);

    assertThat(instance).isWaitingAt(TASK_REVISE).hasNotPassed(TASK_LEGAL_REVIEW);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
  }

  @Test
  void aLegalReviewCanReturnTheDraftToItsAuthors() {
    ProcessInstance instance = start("WGAD_INDIVIDUAL_COMPLAINT", "LOW", true);

    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    decide(instance, TASK_LEGAL_REVIEW, LEGAL_DECISION, RETURN);

    assertThat(instance).isWaitingAt(TASK_REVISE);
  }

  @Test
  void everyCoSigningOrganisationSignsOffInItsOwnTask() {
    ProcessInstance instance = start("UPR_JOINT", "LOW", false, "fidu", "kisr");
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);

    List<Task> signOffs =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(TASK_CO_SIGNER_SIGN_OFF)
            .list();
    assertThat(signOffs).hasSize(2);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup("org:fidu")
                .count())
        .isOne();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskCandidateGroup("org:kisr")
                .count())
        .isOne();
    assertThat(signOffs)
        .extracting(t -> tasks.getVariable(t.getId(), CO_SIGNER))
        .containsExactlyInAnyOrder("fidu", "kisr");

    tasks.complete(signOffs.get(0).getId());
    assertThat(instance).isWaitingAt(TASK_CO_SIGNER_SIGN_OFF);
    tasks.complete(signOffs.get(1).getId());
    sendAndAcknowledge(instance);
  }

  @Test
  void aCoSignerWhoDeclinesSendsTheDraftBackToItsAuthors() {
    ProcessInstance instance = start("UPR_JOINT", "LOW", false, "fidu", "kisr");
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);

    Task fidu =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskCandidateGroup("org:fidu")
            .singleResult();
    tasks.complete(fidu.getId(), Map.of(SIGN_OFF_DECLINED, true));

    assertThat(instance).isWaitingAt(TASK_REVISE).isNotWaitingAt(TASK_CO_SIGNER_SIGN_OFF);
    tasks.complete(task(instance, TASK_REVISE).getId(), Map.of(SIGN_OFF_DECLINED, false));
    assertThat(instance).isWaitingAt(TASK_REVIEW);
  }

  @Test
  void theReminderAndTheEscalationLeaveTheReviewRunning() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);

    management.executeJob(job(instance, TIMER_REMINDER).getId());
    management.executeJob(job(instance, TIMER_ESCALATION).getId());

    assertThat(calls).containsExactly("remind", "escalate");
    assertThat(instance).isWaitingAt(TASK_REVIEW).hasPassed(TASK_REMIND, TASK_ESCALATE);
    assertThat(task(instance, TASK_FOLLOW_UP_OVERDUE)).hasCandidateGroup(COORDINATOR_GROUP);

    tasks.complete(task(instance, TASK_FOLLOW_UP_OVERDUE).getId());
    assertThat(instance).isWaitingAt(TASK_REVIEW).isNotWaitingAt(TASK_FOLLOW_UP_OVERDUE);
    assertThat(job(instance, TIMER_DEADLINE)).isNotNull();
  }

  @Test
  void anOverdueSignOffGetsAFollowUpTaskThatClosesWhenEveryoneHasSigned() {
    ProcessInstance instance = start("UPR_JOINT", "LOW", false, "fidu");
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    assertThat(instance).isWaitingAt(TASK_CO_SIGNER_SIGN_OFF);

    management.executeJob(job(instance, TIMER_ESCALATION).getId());
    assertThat(instance).isWaitingAt(TASK_CO_SIGNER_SIGN_OFF, TASK_FOLLOW_UP_OVERDUE);

    tasks.complete(task(instance, TASK_CO_SIGNER_SIGN_OFF).getId());

    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    sendAndAcknowledge(instance);
  }

  @Test
  void anOpenFollowUpDoesNotKeepARejectedSubmissionAlive() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);
    management.executeJob(job(instance, TIMER_ESCALATION).getId());

    decide(instance, TASK_REVIEW, REVIEW_DECISION, REJECT);

    assertThat(instance).isEnded().hasPassed(END_REJECTED);
  }

  @Test
  void whenTheDeadlinePassesTheSubmissionEndsAsMissed() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);
    decide(instance, TASK_REVIEW, REVIEW_DECISION, RETURN);

    management.executeJob(job(instance, TIMER_DEADLINE).getId());

    assertThat(calls).containsExactly("missed");
    assertThat(instance).isEnded().hasPassed(TASK_RECORD_MISSED_DEADLINE, END_MISSED_DEADLINE);
  }

  @Test
  void theDeadlineTimerStopsOnceTheSubmissionIsApproved() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);

    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);

    assertThat(job(instance, TIMER_DEADLINE)).isNull();
    assertThat(job(instance, TASK_DISPATCH)).isNotNull();
  }

  @Test
  void aDispatchThatKeepsFailingBecomesAnIncidentAfterThreeTries() {
    ProcessInstance instance = start("UPR_INDIVIDUAL", "LOW", false);
    decide(instance, TASK_REVIEW, REVIEW_DECISION, APPROVE);
    dispatchFails = true;

    for (int attempt = 1; attempt <= 3; attempt++) {
      String jobId = job(instance, TASK_DISPATCH).getId();
      assertThatThrownBy(() -> management.executeJob(jobId))
          .hasMessageContaining("SMTP server not reachable");
    }

    assertThat(job(instance, TASK_DISPATCH).getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    assertThat(instance).isWaitingAt(TASK_DISPATCH);

    dispatchFails = false;
    management.setJobRetries(job(instance, TASK_DISPATCH).getId(), 1);
    sendAndAcknowledge(instance);
  }
}
