package org.amicus.workflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.workflow.demo.DemoFile.DemoSubmission;
import org.amicus.workflow.demo.DemoFile.DemoUser;
import org.amicus.workflow.review.ReviewService;
import org.amicus.workflow.review.ReviewTasks;
import org.amicus.workflow.review.SubmissionReviewProcess;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionDraft;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Loads the coalition's demo submissions through the services the API uses, as the demo users
 * would: the same validation, name checks, consent rules and four eyes. What already exists (found
 * by its author and title) is taken further, never created twice, so loading again changes nothing.
 * Public for the integration test that loads it twice.
 */
@Component
@Profile("demo")
public class DemoSubmissions {

  static final String FILE = "/demo/kazakhstan-upr-2019-submissions.json";
  private static final Logger log = LoggerFactory.getLogger(DemoSubmissions.class);

  /** Whether everything is loaded, or what it needs has not started yet. */
  public enum Outcome {
    DONE,
    NOT_READY
  }

  private final SubmissionService submissions;
  private final SubmissionChecks checks;
  private final ReviewService review;
  private final ReviewTasks tasks;
  private final Validator validator;
  private final ObjectMapper json;
  private final Clock clock;

  DemoSubmissions(
      SubmissionService submissions,
      SubmissionChecks checks,
      ReviewService review,
      ReviewTasks tasks,
      Validator validator,
      ObjectMapper json,
      Clock clock) {
    this.submissions = submissions;
    this.checks = checks;
    this.review = review;
    this.tasks = tasks;
    this.validator = validator;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Creates, submits, comments on and approves what the demo file describes, as far as it is not
   * done yet. One load at a time, so two never create the same submission.
   */
  public synchronized Outcome load() {
    for (DemoSubmission demo : read().submissions()) {
      if (load(demo) == Outcome.NOT_READY) {
        return Outcome.NOT_READY;
      }
    }
    return Outcome.DONE;
  }

  private Outcome load(DemoSubmission demo) {
    Caller author = demo.author().caller();
    SubmissionDraft draft = draft(demo);
    SubmissionSnapshot submission =
        existing(author, draft.title()).orElseGet(() -> submissions.create(author, draft));
    if (submission.status() == SubmissionStatus.DRAFT) {
      if (!namesRecognised(demo, submission)) {
        return Outcome.NOT_READY;
      }
      submission = review.submit(author, submission.id(), submission.lockVersion()).submission();
      log.info("Demo submission {} submitted for review", demo.key());
    }
    if (demo.comment() != null) {
      comment(demo, submission);
    }
    if (demo.approvedBy() != null && submission.status() == SubmissionStatus.IN_REVIEW) {
      approve(demo, demo.approvedBy(), submission);
    }
    return Outcome.DONE;
  }

  /** The draft as the API would take it, with its deadline counted from today. */
  private SubmissionDraft draft(DemoSubmission demo) {
    SubmissionDraft d = demo.draft();
    LocalDate deadline =
        LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(demo.deadlineInDays());
    SubmissionDraft draft =
        new SubmissionDraft(
            d.type(),
            d.target(),
            d.title(),
            d.language(),
            deadline,
            d.riskLevel(),
            d.coSigners(),
            d.sections(),
            d.caseIds(),
            d.recommendationIds(),
            d.proposedRecommendations());
    Set<ConstraintViolation<SubmissionDraft>> violations = validator.validate(draft);
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "Demo submission "
              + demo.key()
              + " is not a valid draft: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted()
                  .collect(Collectors.joining("; ")));
    }
    return draft;
  }

  private Optional<SubmissionSnapshot> existing(Caller author, String title) {
    return submissions.list(author).stream()
        .filter(s -> s.leadOrganisation().equals(author.organisation().orElseThrow()))
        .filter(s -> s.content().title().equals(title.strip()))
        .findFirst();
  }

  /**
   * Whether the name matcher already finds the people the demo texts name: until cases-service has
   * loaded its demo data and search-service has indexed it, it finds nobody, and a text sent then
   * would carry names that must be pseudonyms. Every demo text names someone of the demo cases.
   */
  private boolean namesRecognised(DemoSubmission demo, SubmissionSnapshot submission) {
    try {
      return !checks.people(submission).spans().isEmpty();
    } catch (ApiProblem problem) {
      if (problem.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
        return false;
      }
      // The checks' messages name fields and places, never persons.
      throw new IllegalStateException(
          "Demo submission " + demo.key() + " fails the checks: " + problem.getBody().getDetail(),
          problem);
    }
  }

  private void comment(DemoSubmission demo, SubmissionSnapshot submission) {
    Caller by = demo.comment().by().caller();
    boolean commented =
        submissions.comments(by, submission.id()).stream()
            .anyMatch(c -> c.author().equals(by.username()));
    if (!commented) {
      submissions.comment(by, submission.id(), demo.comment().text());
      log.info("Demo submission {} has a coordinator's comment", demo.key());
    }
  }

  /**
   * Completes the review tasks this coordinator may take, as they would in the inbox; four eyes
   * apply. The dispatch that follows runs on the process engine's job executor.
   */
  private void approve(DemoSubmission demo, DemoUser approver, SubmissionSnapshot submission) {
    Caller coordinator = approver.caller();
    SubmissionSnapshot current = submission;
    while (current.status() == SubmissionStatus.IN_REVIEW) {
      Optional<ReviewTasks.TaskView> task =
          tasks.inbox(coordinator).stream()
              .filter(t -> t.submissionId().equals(submission.id()))
              .filter(
                  t ->
                      SubmissionReviewProcess.TASK_REVIEW.equals(t.taskKey())
                          || SubmissionReviewProcess.TASK_LEGAL_REVIEW.equals(t.taskKey()))
              .findFirst();
      if (task.isEmpty()) {
        log.warn(
            "Demo submission {} needs a review its demo coordinator may not give; it stays in"
                + " review",
            demo.key());
        return;
      }
      current = tasks.complete(coordinator, task.get().id(), SubmissionReviewProcess.APPROVE, null);
    }
    log.info(
        "Demo submission {} approved; it is {} and the job executor sends it",
        demo.key(),
        current.status());
  }

  private DemoFile read() {
    try (InputStream in = DemoSubmissions.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("Demo data file missing: " + FILE);
      }
      return json.readValue(in, DemoFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("Demo data file is not valid", e);
    }
  }
}
