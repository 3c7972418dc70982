package org.amicus.workflow.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amicus.workflow.names.NamesClient;
import org.amicus.workflow.review.Notifications;
import org.amicus.workflow.submission.SubmissionChecks;
import org.amicus.workflow.submission.SubmissionService;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.amicus.workflow.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders an approved submission and emails it to its target, exactly once per approved revision.
 *
 * <p>The dispatch row is committed on its own before the email goes out, and marked sent on its own
 * right after, so a retried job (or a restarted service) neither renders a different document nor
 * sends a second email once one went out. The only window left, a crash between the SMTP server's
 * acceptance and the second commit, resends the same bytes with the same deterministic Message-ID,
 * which mail systems treat as the same message.
 */
@Service
public class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final SubmissionService submissions;
  private final SubmissionChecks checks;
  private final DocumentRenderer renderer;
  private final Dispatches dispatches;
  private final JavaMailSenderImpl mail;
  private final DispatchProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Notifications notifications;

  Dispatcher(
      SubmissionService submissions,
      SubmissionChecks checks,
      DocumentRenderer renderer,
      Dispatches dispatches,
      JavaMailSenderImpl mail,
      DispatchProperties properties,
      PlatformTransactionManager transactions,
      Notifications notifications) {
    this.submissions = submissions;
    this.checks = checks;
    this.renderer = renderer;
    this.dispatches = dispatches;
    this.mail = mail;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.notifications = notifications;
  }

  /**
   * Sends the submission's current revision unless it has been sent already. Names are checked
   * again on what is actually sent (the document read back, the email's subject and body, the file
   * name) right before each attempt: if a person without consent or a place that cannot be decided
   * remains, nothing is sent and the job fails, so that after its retries it is an incident an
   * admin sees.
   */
  public void dispatch(UUID submissionId) {
    SubmissionSnapshot submission = submissions.find(submissionId);
    int revision = submission.revision();
    Optional<Dispatch> stored = dispatches.find(submissionId, revision);
    Dispatch dispatch;
    if (stored.isPresent() && stored.get().sent()) {
      dispatch = stored.get();
      log.info("dispatch=already-sent submission={} revision={}", submissionId, revision);
    } else {
      SubmissionChecks.People people = checks.people(submission);
      OutgoingDocument outgoing = OutgoingDocument.of(submission, people, properties);
      dispatch = stored.orElseGet(() -> prepare(submission, outgoing));
      Email email = email(outgoing, submission, dispatch);
      recheck(submission, people, dispatch, email);
      send(dispatch, email);
      ownTransaction.executeWithoutResult(s -> dispatches.sent(submissionId, revision));
      log.info(
          "dispatch=sent submission={} revision={} sha256={}",
          submissionId,
          revision,
          dispatch.sha256());
    }
    SubmissionSnapshot sent =
        submissions.changeStatus(
            submissionId, SubmissionStatus.SENT, "system", null, "SENT", dispatch.recipient());
    notifications.statusChanged(sent);
  }

  public List<Dispatch> of(UUID submissionId) {
    return dispatches.of(submissionId);
  }

  private Dispatch prepare(SubmissionSnapshot submission, OutgoingDocument outgoing) {
    // Type, id and revision only: the file name never carries a title or a name.
    String baseName =
        "%s-%s-r%d"
            .formatted(
                submission.type().name().toLowerCase().replace('_', '-'),
                submission.id().toString().substring(0, 8),
                submission.revision());
    RenderedDocument rendered = renderer.render(outgoing, submission.type().format(), baseName);
    Dispatch dispatch =
        new Dispatch(
            submission.id(),
            submission.revision(),
            "<submission-%s-r%d@%s>"
                .formatted(submission.id(), submission.revision(), properties.messageIdDomain()),
            properties.address(submission.target()),
            rendered.fileName(),
            rendered.mediaType(),
            rendered.sha256(),
            rendered.bytes(),
            false,
            null);
    ownTransaction.executeWithoutResult(s -> dispatches.prepare(dispatch));
    // Another node may have prepared it first: what is stored is what goes out.
    return dispatches.find(submission.id(), submission.revision()).orElseThrow();
  }

  /** The email's subject and body: built only from the outgoing (pseudonymised) title. */
  private Email email(OutgoingDocument outgoing, SubmissionSnapshot submission, Dispatch dispatch) {
    return new Email(
        outgoing.title(),
        "Please find attached the submission \"%s\" by %s.\n\nReference: %s"
            .formatted(
                outgoing.title(),
                properties.organisationName(submission.leadOrganisation()),
                dispatch.messageId()));
  }

  /** Refuses to send when what goes out still names a protected person or an undecidable place. */
  private void recheck(
      SubmissionSnapshot submission,
      SubmissionChecks.People people,
      Dispatch dispatch,
      Email email) {
    List<NamesClient.Text> texts = new ArrayList<>();
    texts.add(
        new NamesClient.Text("document", renderer.text(dispatch.document(), dispatch.mediaType())));
    texts.add(new NamesClient.Text("subject", email.subject()));
    texts.add(new NamesClient.Text("body", email.body()));
    texts.add(new NamesClient.Text("fileName", dispatch.fileName()));
    texts.removeIf(t -> t.text() == null || t.text().isBlank());
    SubmissionChecks.Named named = checks.named(submission, people.linkedPersonIds(), texts);
    List<String> places = new ArrayList<>();
    named.spans().stream()
        .filter(SubmissionChecks.NamedSpan::protectedName)
        .forEach(s -> places.add("%s %d-%d".formatted(s.field(), s.start(), s.end())));
    named
        .undecidable()
        .forEach(
            p -> places.add("%s %d-%d (undecidable)".formatted(p.field(), p.start(), p.end())));
    if (!places.isEmpty()) {
      log.warn(
          "dispatch=refused-names-remain submission={} revision={} places={}",
          submission.id(),
          submission.revision(),
          places.size());
      throw new NamesRemain(
          "Not sent: what would go out still names a person without consent, or a name that"
              + " cannot be decided, at "
              + String.join(", ", places));
    }
  }

  private void send(Dispatch dispatch, Email email) {
    MimeMessage message = new FixedIdMessage(mail.getSession(), dispatch.messageId());
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(dispatch.recipient());
      helper.setSubject(email.subject());
      helper.setText(email.body());
      helper.addAttachment(
          dispatch.fileName(), new ByteArrayResource(dispatch.document()), dispatch.mediaType());
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not build the dispatch email", e);
    }
    mail.send(message);
  }

  private record Email(String subject, String body) {}

  /**
   * The rendered dispatch still names a protected person; its message names places (field and
   * offsets), never a name, as it becomes the incident's message.
   */
  static final class NamesRemain extends IllegalStateException {
    NamesRemain(String message) {
      super(message);
    }
  }

  /** Keeps the Message-ID we chose instead of a random one at each send. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(jakarta.mail.Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
