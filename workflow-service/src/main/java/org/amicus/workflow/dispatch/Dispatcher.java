package org.amicus.workflow.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
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

  /** Sends the submission's current revision unless it has been sent already. */
  public void dispatch(UUID submissionId) {
    SubmissionSnapshot submission = submissions.find(submissionId);
    int revision = submission.revision();
    Dispatch dispatch =
        dispatches.find(submissionId, revision).orElseGet(() -> prepare(submission));
    if (!dispatch.sent()) {
      send(dispatch, submission);
      ownTransaction.executeWithoutResult(s -> dispatches.sent(submissionId, revision));
      log.info(
          "dispatch=sent submission={} revision={} sha256={}",
          submissionId,
          revision,
          dispatch.sha256());
    } else {
      log.info("dispatch=already-sent submission={} revision={}", submissionId, revision);
    }
    SubmissionSnapshot sent =
        submissions.changeStatus(
            submissionId, SubmissionStatus.SENT, "system", null, "SENT", dispatch.recipient());
    notifications.statusChanged(sent);
  }

  public List<Dispatch> of(UUID submissionId) {
    return dispatches.of(submissionId);
  }

  private Dispatch prepare(SubmissionSnapshot submission) {
    SubmissionChecks.People people = checks.people(submission);
    OutgoingDocument outgoing = OutgoingDocument.of(submission, people, properties);
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

  private void send(Dispatch dispatch, SubmissionSnapshot submission) {
    MimeMessage message = new FixedIdMessage(mail.getSession(), dispatch.messageId());
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(dispatch.recipient());
      helper.setSubject(submission.content().title());
      helper.setText(
          "Please find attached the submission \"%s\" by %s.\n\nReference: %s"
              .formatted(
                  submission.content().title(),
                  properties.organisationName(submission.leadOrganisation()),
                  dispatch.messageId()));
      helper.addAttachment(
          dispatch.fileName(), new ByteArrayResource(dispatch.document()), dispatch.mediaType());
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not build the dispatch email", e);
    }
    mail.send(message);
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
