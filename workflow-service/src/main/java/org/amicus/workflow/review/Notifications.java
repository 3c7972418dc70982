package org.amicus.workflow.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * sign-off, revision), returned, approved, sent, rejected, the deadline approaching, escalated or
 * missed. Amicus knows organisations, not each person's address: news about a submission goes to
 * the team address of every organisation taking part (the lead and each co-signer). Sent only after
 * the change commits, and a failed notification never undoes the change (it is logged by ids only).
 * No notification carries the submission's title or text: see {@link #label}.
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
    String about = label(s);
    switch (s.status()) {
      case IN_REVIEW ->
          send(
              s,
              "review-waiting",
              List.of(properties.coordinators()),
              "Review waiting: " + about,
              "A submission waits for a coordinator's review in Amicus.");
      case RETURNED ->
          send(
              s,
              "returned",
              involved(s),
              "Returned with comments: " + about,
              "The submission was returned to its authors; the comments are in Amicus.");
      case AWAITING_SIGNATURES ->
          send(
              s,
              "sign-off-waiting",
              teams(s.content().coSigningOrganisations()),
              "Sign-off waiting: " + about,
              "Your organisation is asked to sign off a submission in Amicus.");
      case APPROVED ->
          send(
              s,
              "approved",
              involved(s),
              "Approved: " + about,
              "The submission was approved and is being sent to " + s.target() + ".");
      case SENT ->
          send(
              s,
              "sent",
              involved(s),
              "Sent: " + about,
              "The submission was sent to " + s.target() + ".");
      case REJECTED ->
          send(
              s,
              "rejected",
              involved(s),
              "Rejected: " + about,
              "A coordinator rejected the submission; the reasons are in its comments in Amicus.");
      case MISSED_DEADLINE ->
          send(
              s,
              "missed-deadline",
              withCoordinators(involved(s)),
              "Deadline missed: " + about,
              "The deadline " + s.content().deadline() + " passed before the submission was sent.");
      default -> {
        // drafts and acknowledgements need nobody's action
      }
    }
  }

  void deadlineApproaching(SubmissionSnapshot s) {
    send(
        s,
        "deadline-approaching",
        involved(s),
        "Deadline " + s.content().deadline() + ": " + label(s),
        "The deadline of this submission is approaching and it is not yet approved.");
  }

  void escalated(SubmissionSnapshot s, String overdue) {
    send(
        s,
        "escalated",
        withCoordinators(involved(s)),
        "Close to its deadline, not approved: " + label(s),
        "This submission's deadline is "
            + s.content().deadline()
            + " and it is not approved yet.\nStill open: "
            + overdue
            + "\nA follow-up task waits for a coordinator in Amicus.");
  }

  /**
   * How a notification names the submission: its type and the start of its id, never its title.
   * Team addresses are outside Amicus, and a title may name a person who has not consented.
   */
  static String label(SubmissionSnapshot s) {
    return s.type().name().replace('_', ' ') + " submission " + s.id().toString().substring(0, 8);
  }

  /** The team addresses of every organisation taking part: the lead, then each co-signer. */
  private List<String> involved(SubmissionSnapshot s) {
    List<String> organisations = new ArrayList<>();
    organisations.add(s.leadOrganisation());
    organisations.addAll(s.content().coSigningOrganisations());
    return teams(organisations);
  }

  private List<String> withCoordinators(List<String> addresses) {
    Set<String> all = new LinkedHashSet<>(addresses);
    all.add(properties.coordinators());
    return List.copyOf(all);
  }

  private List<String> teams(List<String> organisations) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String organisation : organisations) {
      String address = properties.organisations().get(organisation);
      if (address == null || address.isBlank()) {
        // Organisation ids are not personal data; the missing setting is what an operator fixes.
        log.warn("no team address configured for organisation={}", organisation);
      } else {
        addresses.add(address);
      }
    }
    return List.copyOf(addresses);
  }

  /**
   * One message per address, so a team address the server refuses does not keep the others from
   * being told.
   */
  private void send(
      SubmissionSnapshot s, String kind, List<String> to, String subject, String text) {
    if (!properties.enabled() || to.isEmpty()) {
      return;
    }
    List<SimpleMailMessage> messages = new ArrayList<>();
    for (String address : to) {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(address);
      message.setSubject("[Amicus] " + subject);
      message.setText(text + "\n\nSubmission: " + s.id());
      messages.add(message);
    }
    Runnable sending =
        () -> {
          for (SimpleMailMessage message : messages) {
            try {
              mail.send(message);
              log.info("notification={} submission={}", kind, s.id());
            } catch (MailException e) {
              log.warn(
                  "notification={} submission={} failed={}", kind, s.id(), e.getClass().getName());
            }
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
