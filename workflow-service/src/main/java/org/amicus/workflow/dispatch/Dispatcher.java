package org.amicus.workflow.dispatch;

import jakarta.activation.FileTypeMap;
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
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails the approved rendering of a submission to its target, exactly once per approved revision.
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
  private final Renderings renderings;
  private final DocumentRenderer renderer;
  private final Dispatches dispatches;
  private final JavaMailSenderImpl mail;
  private final DispatchProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Notifications notifications;

  Dispatcher(
      SubmissionService submissions,
      SubmissionChecks checks,
      Renderings renderings,
      DocumentRenderer renderer,
      Dispatches dispatches,
      JavaMailSenderImpl mail,
      DispatchProperties properties,
      PlatformTransactionManager transactions,
      Notifications notifications) {
    this.submissions = submissions;
    this.checks = checks;
    this.renderings = renderings;
    this.renderer = renderer;
    this.dispatches = dispatches;
    this.mail = mail;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.notifications = notifications;
  }

  /**
   * Sends the submission's current revision unless it has been sent already: the bytes of its last
   * approval or sign-off, checked against the SHA-256 recorded on it. Before each attempt (retries
   * included), cases-service is asked again for the consent of every person the approved rendering
   * names as written: if any withdrew it, nothing is sent and {@link ConsentWithdrawn} says so.
   * Then names are checked again on what is actually sent (the document read back, the email's
   * subject and body, the file name): if a person without consent or a place that cannot be decided
   * remains, or no approved rendering matches, nothing is sent and the job fails, so that after its
   * retries it is an incident an admin sees.
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
      Renderings.Stored approved = approved(submission);
      long withdrawn = checks.withdrawnConsent(submission, approved.consentOf());
      if (withdrawn > 0) {
        log.info(
            "dispatch=stopped-consent-withdrawn submission={} revision={} persons={}",
            submissionId,
            revision,
            withdrawn);
        throw new ConsentWithdrawn(
            ("Not sent: %d person%s named in the approved document no longer consent%s to be"
                    + " named to the %s. Revise the submission and submit it again; it needs a"
                    + " new approval.")
                .formatted(
                    withdrawn,
                    withdrawn == 1 ? "" : "s",
                    withdrawn == 1 ? "s" : "",
                    submission.target().publishes()
                        ? submission.type().channel() + " and in public"
                        : submission.type().channel()));
      }
      SubmissionChecks.People people = checks.people(submission);
      dispatch = prepare(submission, approved, stored);
      Email email = email(approved.title(), submission, dispatch);
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

  /**
   * The submission goes back to its authors because consent was withdrawn after approval: its
   * history says why (without names), and the people taking part are told.
   */
  public void returnToAuthors(UUID submissionId, String reason) {
    SubmissionSnapshot returned =
        submissions.changeStatus(
            submissionId, SubmissionStatus.RETURNED, "system", null, "DISPATCH_STOPPED", reason);
    notifications.statusChanged(returned);
  }

  public List<Dispatch> of(UUID submissionId) {
    return dispatches.of(submissionId);
  }

  /** The rendering of the current revision's last approval, whose bytes match its SHA-256. */
  private Renderings.Stored approved(SubmissionSnapshot submission) {
    Renderings.Approved approved =
        renderings
            .lastApproved(submission.id())
            .filter(a -> a.rendering().revision() == submission.revision())
            .orElseThrow(
                () ->
                    new NotApproved(
                        "Not sent: revision %d has no approved rendering"
                            .formatted(submission.revision())));
    String sha256 = new RenderedDocument("", "", approved.rendering().document()).sha256();
    if (!sha256.equals(approved.sha256())) {
      throw new NotApproved(
          ("Not sent: the stored document of revision %d does not match the SHA-256 its"
                  + " approval recorded")
              .formatted(submission.revision()));
    }
    return approved.rendering();
  }

  /**
   * The dispatch row of the approved bytes. A row prepared earlier for other bytes of the same
   * revision (approved again after a return) and never sent is replaced.
   */
  private Dispatch prepare(
      SubmissionSnapshot submission, Renderings.Stored approved, Optional<Dispatch> stored) {
    if (stored.isPresent() && stored.get().sha256().equals(approved.sha256())) {
      return stored.get();
    }
    Dispatch dispatch =
        new Dispatch(
            submission.id(),
            submission.revision(),
            "<submission-%s-r%d@%s>"
                .formatted(submission.id(), submission.revision(), properties.messageIdDomain()),
            properties.address(submission.target()),
            approved.fileName(),
            approved.mediaType(),
            approved.sha256(),
            approved.document(),
            false,
            null);
    ownTransaction.executeWithoutResult(s -> dispatches.prepare(dispatch));
    // Another node may have prepared it first: what is stored is what goes out, if it is what was
    // approved.
    Dispatch prepared = dispatches.find(submission.id(), submission.revision()).orElseThrow();
    if (!prepared.sha256().equals(approved.sha256())) {
      throw new NotApproved(
          "Not sent: the prepared document of revision %d is not the approved one"
              .formatted(submission.revision()));
    }
    return prepared;
  }

  /** The email's subject and body: built only from the approved (pseudonymised) title. */
  private Email email(String title, SubmissionSnapshot submission, Dispatch dispatch) {
    return new Email(
        title,
        "Please find attached the submission \"%s\" by %s.\n\nReference: %s"
            .formatted(
                title,
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
      MimeMessageHelper helper = new OnceBuiltFileTypes(message);
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
   * A multipart UTF-8 helper whose file-type map is built once. Spring's helper builds a new one
   * (reading and parsing the mime.types files) for every message the sender did not create itself,
   * as a {@link FixedIdMessage} is; this is the same map, kept.
   */
  private static final class OnceBuiltFileTypes extends MimeMessageHelper {
    private static final FileTypeMap FILE_TYPES = fileTypes();

    OnceBuiltFileTypes(MimeMessage message) throws MessagingException {
      super(message, true, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return FILE_TYPES;
    }

    private static FileTypeMap fileTypes() {
      ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
      fileTypes.afterPropertiesSet();
      return fileTypes;
    }
  }

  /**
   * The rendered dispatch still names a protected person; its message names places (field and
   * offsets), never a name, as it becomes the incident's message.
   */
  static final class NamesRemain extends IllegalStateException {
    NamesRemain(String message) {
      super(message);
    }
  }

  /** No approved rendering of the current revision matches: nothing is sent. */
  static final class NotApproved extends IllegalStateException {
    NotApproved(String message) {
      super(message);
    }
  }

  /**
   * A person the approved rendering names as written no longer consents: the submission goes back
   * to its authors. Its message counts persons and never names them.
   */
  public static final class ConsentWithdrawn extends RuntimeException {
    ConsentWithdrawn(String message) {
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
