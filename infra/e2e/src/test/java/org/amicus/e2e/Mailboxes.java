package org.amicus.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.amicus.runtime.SmtpInfo;

/**
 * The addresses workflow-service sends to in one run (its notification and dispatch addresses, made
 * unique so that other builds' mail on the shared SMTP server never counts), read back over IMAP.
 */
public record Mailboxes(String runId, SmtpInfo smtp) {

  /** A mail as received: enough to check what a recipient would see. */
  public record Mail(
      String subject,
      List<String> from,
      List<String> to,
      String text,
      List<Attachment> attachments) {}

  public record Attachment(String fileName, String contentType, byte[] content) {}

  /** Where OHCHR's UPR secretariat receives submissions in this run. */
  public String ohchrUpr() {
    return "upr-" + runId + "@ohchr.example";
  }

  public String coordinators() {
    return "coordinators-" + runId + "@amicus.example";
  }

  /** An organisation's team address (odf, fidu, kisr) in this run. */
  public String organisation(String organisation) {
    return organisation + "-" + runId + "@" + organisation + ".example";
  }

  /** The workflow-service variables that point its mail at this run's addresses. */
  static Map<String, String> environment(String runId) {
    Mailboxes boxes = new Mailboxes(runId, null);
    return Map.of(
        "AMICUS_DISPATCH_OHCHR_UPR", boxes.ohchrUpr(),
        "AMICUS_DISPATCH_OHCHR_SP", "sp-" + runId + "@ohchr.example",
        "AMICUS_DISPATCH_UN_WGAD", "wgad-" + runId + "@ohchr.example",
        "AMICUS_DISPATCH_EP", "droi-" + runId + "@europarl.example",
        "AMICUS_DISPATCH_EU", "eu-" + runId + "@eeas.example",
        "AMICUS_NOTIFY_COORDINATORS", boxes.coordinators(),
        "AMICUS_NOTIFY_ODF", boxes.organisation("odf"),
        "AMICUS_NOTIFY_FIDU", boxes.organisation("fidu"),
        "AMICUS_NOTIFY_KISR", boxes.organisation("kisr"));
  }

  /** Everything in the address's inbox now (GreenMail accepts any password for any address). */
  public List<Mail> inbox(String address) {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "10000");
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore("imap")) {
      store.connect(smtp.host(), smtp.imapPort(), address, "any");
      try (Folder inbox = store.getFolder("INBOX")) {
        inbox.open(Folder.READ_ONLY);
        List<Mail> mails = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          mails.add(read(message));
        }
        return mails;
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot read the inbox of " + address, e);
    }
  }

  private static Mail read(Message message) throws MessagingException, IOException {
    StringBuilder text = new StringBuilder();
    List<Attachment> attachments = new ArrayList<>();
    collect(message, text, attachments);
    return new Mail(
        message.getSubject(),
        addresses(message.getFrom()),
        addresses(message.getAllRecipients()),
        text.toString(),
        attachments);
  }

  private static void collect(Part part, StringBuilder text, List<Attachment> attachments)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, text, attachments);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        attachments.add(
            new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
      }
    } else if (part.isMimeType("text/*")) {
      text.append(part.getContent());
    }
  }

  private static List<String> addresses(jakarta.mail.Address[] addresses) {
    if (addresses == null) {
      return List.of();
    }
    List<String> all = new ArrayList<>();
    for (jakarta.mail.Address address : addresses) {
      all.add(address.toString());
    }
    return all;
  }
}
