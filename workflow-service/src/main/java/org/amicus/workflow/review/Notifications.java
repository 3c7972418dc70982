package org.amicus.workflow.review;

import java.util.ArrayList;
import java.util.List;
import org.amicus.workflow.submission.SubmissionSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emails the people concerned when a submission needs them or moves on: a task waiting (review,
 * sign-off, revision), returned, approved, sent, the deadline approaching. Sent only after the
 * change commits, and a failed notification never undoes the change (it is logged by ids only).
 */
@Component
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final JavaMailSender mail;
  private final NotificationProperties properties;

  Notifications(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  /** After a status change: who must act now, or who wants to know. */
  public void statusChanged(SubmissionSnapshot s) {
    String title = s.content().title();
    switch (s.status()) {
      case IN_REVIEW ->
          send(
              s,
              "review-waiting",
              List.of(properties.coordinators()),
              "Review waiting: " + title,
              "A submission waits for a coordinator's review in Amicus.");
      case RETURNED ->
          send(
              s,
              "returned",
              organisation(s.leadOrganisation()),
              "Returned with comments: " + title,
              "Your submission was returned; the comments are in Amicus.");
      case AWAITING_SIGNATURES -> {
        List<String> coSigners = new ArrayList<>();
        s.content().coSigningOrganisations().forEach(o -> coSigners.addAll(organisation(o)));
        send(
            s,
            "sign-off-waiting",
            coSigners,
            "Sign-off waiting: " + title,
            "Your organisation is asked to sign off a submission in Amicus.");
      }
      case APPROVED ->
          send(
              s,
              "approved",
              organisation(s.leadOrganisation()),
              "Approved: " + title,
              "Your submission was approved and is being sent.");
      case SENT ->
          send(
              s,
              "sent",
              organisation(s.leadOrganisation()),
              "Sent: " + title,
              "Your submission was sent to " + s.target() + ".");
      default -> {
        // drafts, acknowledgements and ends need nobody's action
      }
    }
  }

  void deadlineApproaching(SubmissionSnapshot s) {
    send(
        s,
        "deadline-approaching",
        organisation(s.leadOrganisation()),
        "Deadline " + s.content().deadline() + ": " + s.content().title(),
        "The deadline of this submission is approaching and it is not yet approved.");
  }

  void escalated(SubmissionSnapshot s, String overdue) {
    send(
        s,
        "escalated",
        List.of(properties.coordinators()),
        "Close to its deadline, not approved: " + s.content().title(),
        "This submission's deadline is "
            + s.content().deadline()
            + " and it is not approved yet.\nStill open: "
            + overdue
            + "\nA follow-up task waits for a coordinator in Amicus.");
  }

  private List<String> organisation(String organisation) {
    String address = properties.organisations().get(organisation);
    return address == null ? List.of() : List.of(address);
  }

  private void send(
      SubmissionSnapshot s, String kind, List<String> to, String subject, String text) {
    if (!properties.enabled() || to.isEmpty()) {
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(to.toArray(String[]::new));
    message.setSubject("[Amicus] " + subject);
    message.setText(text + "\n\nSubmission: " + s.id());
    Runnable sending =
        () -> {
          try {
            mail.send(message);
            log.info("notification={} submission={}", kind, s.id());
          } catch (MailException e) {
            log.warn(
                "notification={} submission={} failed={}", kind, s.id(), e.getClass().getName());
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              sending.run();
            }
          });
    } else {
      sending.run();
    }
  }
}
