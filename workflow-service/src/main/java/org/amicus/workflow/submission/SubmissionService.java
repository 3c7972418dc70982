package org.amicus.workflow.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.web.ApiProblem;
import org.amicus.platform.web.FieldError;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, saving, reading and commenting on submissions, with their revisions. */
@Service
public class SubmissionService {

  /** Journal actions that make their actor an author of the submission. */
  private static final Set<String> AUTHORING_ACTIONS =
      Set.of("CREATED", "SAVED", "SUBMITTED", "RESUBMITTED");

  private final Submissions submissions;
  private final SubmissionRevisions revisions;
  private final SubmissionComments comments;
  private final SubmissionEvents events;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final SubmissionLinks links;

  SubmissionService(
      Submissions submissions,
      SubmissionRevisions revisions,
      SubmissionComments comments,
      SubmissionEvents events,
      Outbox outbox,
      ObjectMapper json,
      Clock clock,
      ApplicationEventPublisher publisher,
      SubmissionLinks links) {
    this.submissions = submissions;
    this.revisions = revisions;
    this.comments = comments;
    this.events = events;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
    this.publisher = publisher;
    this.links = links;
  }

  @Transactional
  public SubmissionSnapshot create(Caller caller, SubmissionDraft draft) {
    String organisation =
        caller
            .organisation()
            .filter(o -> SubmissionAccess.staff(caller))
            .orElseThrow(
                () ->
                    ApiProblem.forbidden(
                        "Only staff of a partner organisation may draft submissions"));
    SubmissionType.Target target = validate(draft, organisation);
    links.check(draft.content());
    Submission submission =
        new Submission(
            UUID.randomUUID(),
            draft.type(),
            target,
            organisation,
            caller.username(),
            clock.instant());
    int revision = submission.revise(draft.type(), target, write(draft.content()), clock.instant());
    submissions.saveAndFlush(submission);
    revisions.save(
        new SubmissionRevision(
            submission.id(), revision, submission.content(), caller.username(), clock.instant()));
    events.record(submission.id(), caller.username(), organisation, "CREATED", revision, null);
    return published(submission);
  }

  @Transactional
  public SubmissionSnapshot save(
      Caller caller, UUID id, long expectedLockVersion, SubmissionDraft draft) {
    Submission submission = readable(caller, id);
    SubmissionSnapshot current = snapshot(submission);
    if (!SubmissionAccess.isAuthor(caller, current)) {
      throw ApiProblem.forbidden("Only the lead organisation's staff edit a submission");
    }
    if (submission.lockVersion() != expectedLockVersion) {
      throw ApiProblem.preconditionFailed(
          "The submission was changed by someone else; reload it and apply your edit again");
    }
    if (!submission.status().editable()) {
      throw ApiProblem.conflict(
          "A submission can be edited only as a draft or when returned; it is "
              + submission.status());
    }
    SubmissionType.Target target = validate(draft, submission.leadOrganisation());
    links.check(draft.content());
    int revision = submission.revise(draft.type(), target, write(draft.content()), clock.instant());
    submissions.saveAndFlush(submission);
    revisions.save(
        new SubmissionRevision(
            id, revision, submission.content(), caller.username(), clock.instant()));
    events.record(
        id, caller.username(), caller.organisation().orElse(null), "SAVED", revision, null);
    SubmissionSnapshot saved = published(submission);
    if (submission.processInstanceId() != null
        && !Objects.equals(current.content().deadline(), saved.content().deadline())) {
      publisher.publishEvent(
          new DeadlineChanged(
              id,
              submission.processInstanceId(),
              current.content().deadline(),
              saved.content().deadline()));
    }
    return saved;
  }

  @Transactional(readOnly = true)
  public SubmissionSnapshot get(Caller caller, UUID id) {
    return snapshot(readable(caller, id));
  }

  @Transactional(readOnly = true)
  public List<SubmissionSnapshot> list(Caller caller) {
    if (caller.organisation().isEmpty() || !SubmissionAccess.staff(caller)) {
      return List.of();
    }
    String organisation = caller.organisation().get();
    String coSigner = write(List.of(java.util.Map.of("organisation", organisation)));
    return submissions
        .visibleTo(
            organisation, coSigner, caller.has(org.amicus.platform.security.Role.COORDINATOR))
        .stream()
        .map(this::snapshot)
        .filter(s -> SubmissionAccess.canRead(caller, s))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<RevisionSummary> revisions(Caller caller, UUID id) {
    readable(caller, id);
    return revisions.of(id).stream()
        .map(
            r ->
                new RevisionSummary(
                    r.revision(), r.savedBy(), r.savedAt(), WordCount.of(read(r.content()))))
        .toList();
  }

  @Transactional(readOnly = true)
  public SubmissionContent revision(Caller caller, UUID id, int revision) {
    readable(caller, id);
    return revisionContent(id, revision, "revision");
  }

  @Transactional(readOnly = true)
  public RevisionDiff diff(Caller caller, UUID id, int from, int to) {
    readable(caller, id);
    SubmissionContent a = revisionContent(id, from, "a");
    SubmissionContent b = revisionContent(id, to, "b");
    return RevisionDiff.between(from, a, to, b);
  }

  @Transactional
  public CommentView comment(Caller caller, UUID id, String body) {
    Submission submission = readable(caller, id);
    SubmissionComment comment =
        comments.save(
            new SubmissionComment(
                id,
                submission.revision(),
                caller.username(),
                caller.organisation().orElse(null),
                body.strip(),
                clock.instant()));
    events.record(
        id,
        caller.username(),
        caller.organisation().orElse(null),
        "COMMENTED",
        submission.revision(),
        null);
    return view(comment);
  }

  @Transactional(readOnly = true)
  public List<CommentView> comments(Caller caller, UUID id) {
    readable(caller, id);
    return comments.findBySubmissionIdOrderByCreatedAt(id).stream()
        .map(SubmissionService::view)
        .toList();
  }

  /**
   * Everyone who wrote the submission: its creator, everyone who saved a revision and everyone who
   * submitted or resubmitted it. None of them may review, legally review or sign it off.
   */
  @Transactional(readOnly = true)
  public Set<String> authors(UUID id) {
    Submission submission =
        submissions.findById(id).orElseThrow(() -> ApiProblem.notFound("The submission"));
    Set<String> authors = new HashSet<>();
    authors.add(submission.createdBy());
    authors.addAll(revisions.savers(id));
    for (SubmissionEvents.Event event : events.of(id)) {
      if (AUTHORING_ACTIONS.contains(event.action())) {
        authors.add(event.actor());
      }
    }
    authors.remove(null);
    return Set.copyOf(authors);
  }

  /** For the process and its delegates, which act on behalf of no caller. */
  @Transactional(readOnly = true)
  public SubmissionSnapshot find(UUID id) {
    return submissions
        .findById(id)
        .map(this::snapshot)
        .orElseThrow(() -> ApiProblem.notFound("The submission"));
  }

  /**
   * Moves a submission to a new status (published to search when it changed) and journals who
   * caused it, unless {@code action} is null.
   */
  @Transactional
  public SubmissionSnapshot changeStatus(
      UUID id,
      SubmissionStatus status,
      String actor,
      String actorOrganisation,
      String action,
      String detail) {
    Submission submission =
        submissions.findById(id).orElseThrow(() -> ApiProblem.notFound("The submission"));
    boolean changed = submission.status() != status;
    if (changed) {
      submission.status(status, clock.instant());
      submissions.saveAndFlush(submission);
    }
    if (action != null) {
      events.record(id, actor, actorOrganisation, action, submission.revision(), detail);
    }
    return changed ? published(submission) : snapshot(submission);
  }

  /** Links the submission to the process instance that now carries it. */
  @Transactional
  public void attachProcess(UUID id, String processInstanceId) {
    Submission submission =
        submissions.findById(id).orElseThrow(() -> ApiProblem.notFound("The submission"));
    submission.processInstanceId(processInstanceId);
  }

  private Submission readable(Caller caller, UUID id) {
    Submission submission =
        submissions.findById(id).orElseThrow(() -> ApiProblem.notFound("The submission"));
    // Someone who may not read it learns nothing, not even that it exists.
    if (!SubmissionAccess.canRead(caller, snapshot(submission))) {
      throw ApiProblem.notFound("The submission");
    }
    return submission;
  }

  private SubmissionContent revisionContent(UUID id, int revision, String field) {
    return revisions
        .find(id, revision)
        .map(r -> read(r.content()))
        .orElseThrow(() -> ApiProblem.notFound("Revision " + revision + " (" + field + ")"));
  }

  private SubmissionType.Target validate(SubmissionDraft draft, String leadOrganisation) {
    List<FieldError> errors = new ArrayList<>();
    SubmissionType.Target target =
        draft.target() == null ? draft.type().defaultTarget() : draft.target();
    if (!draft.type().targets().contains(target)) {
      errors.add(
          new FieldError(
              "target", "must be one of " + draft.type().targets() + " for " + draft.type()));
    }
    Set<String> seen = new HashSet<>();
    List<SubmissionDraft.CoSignerDraft> coSigners =
        draft.coSigners() == null ? List.of() : draft.coSigners();
    for (int i = 0; i < coSigners.size(); i++) {
      String organisation = coSigners.get(i).organisation();
      if (leadOrganisation.equals(organisation)) {
        errors.add(
            new FieldError(
                "coSigners[" + i + "].organisation",
                "is the lead organisation, which signs anyway"));
      } else if (!seen.add(organisation)) {
        errors.add(new FieldError("coSigners[" + i + "].organisation", "is listed twice"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return target;
  }

  /**
   * Search documents written before they carried {@code readers} are written again at start-up, so
   * that search, which refuses a document without readers, can rebuild from the snapshot.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void publishReadersOfOlderDocuments() {
    outbox.republishWithout(
        "submission",
        "readers",
        id ->
            uuid(id)
                .flatMap(submissions::findById)
                .map(s -> SubmissionSearchDocument.of(snapshot(s))));
  }

  /** The submission id {@code id} names, or empty when it is not one of ours. */
  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  private SubmissionSnapshot published(Submission submission) {
    SubmissionSnapshot snapshot = snapshot(submission);
    outbox.upsert("submission", submission.id().toString(), SubmissionSearchDocument.of(snapshot));
    return snapshot;
  }

  private SubmissionSnapshot snapshot(Submission s) {
    return new SubmissionSnapshot(
        s.id(),
        s.type(),
        s.target(),
        s.leadOrganisation(),
        s.status(),
        s.revision(),
        read(s.content()),
        s.processInstanceId(),
        s.createdBy(),
        s.createdAt(),
        s.updatedAt(),
        s.lockVersion());
  }

  private static CommentView view(SubmissionComment c) {
    return new CommentView(
        c.id(), c.revision(), c.author(), c.authorOrganisation(), c.body(), c.createdAt());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Submission content is not serialisable", e);
    }
  }

  private SubmissionContent read(String content) {
    try {
      return json.readValue(content, SubmissionContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored submission content is not readable", e);
    }
  }

  /** One saved revision, without its content. */
  public record RevisionSummary(
      int revision, String savedBy, java.time.Instant savedAt, int words) {}

  public record CommentView(
      UUID id,
      int revision,
      String author,
      String authorOrganisation,
      String body,
      java.time.Instant createdAt) {}
}
