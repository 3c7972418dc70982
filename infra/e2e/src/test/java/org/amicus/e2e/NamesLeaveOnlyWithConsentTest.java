package org.amicus.e2e;

import static org.amicus.e2e.Records.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Mailboxes.Mail;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14, "no name leaves without consent", on the real platform through the gateway with real
 * tokens: workflow-service asks search-service's one name matcher where the outgoing texts name a
 * person and cases-service whether they consented. A person consented to be named to the UN but not
 * in public; OHCHR publishes UPR submissions, so every form of their name in a joint UPR submission
 * (surname alone, capitals, a Russian ending, Cyrillic, a possessive, the full name in either
 * order) goes out as their pseudonym: in the Word document, the email's subject and body and the
 * file name, read back as OHCHR receives them.
 */
class NamesLeaveOnlyWithConsentTest {

  private static final Duration EVENTUALLY = Duration.ofSeconds(120);
  private static final String PSEUDONYM = "Activist M.";
  private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final Platform platform = Platform.get();
  private final Api anna = platform.api("anna"); // partner, odf: the authors
  private final Api clara = platform.api("clara"); // coordinator, odf: the review
  private final Api marco = platform.api("marco"); // partner, fidu: co-signs
  private final Api olena = platform.api("olena"); // partner, kisr: co-signs

  @Test
  void aPersonWithoutPublicConsentIsNamedInNoFormInWhatOhchrReceives() throws Exception {
    // A surname of this run's own, so the search index of earlier runs cannot confuse the match.
    String run = runLetters();
    String latin = "Dzhakishev" + run;
    String cyrillic = "Джакишев" + cyrillic(run);
    long person =
        created(
                anna.post(
                    "/api/persons",
                    Map.of(
                        "originalName",
                        "Мухтар " + cyrillic,
                        "spellings",
                        List.of("Mukhtar " + latin),
                        "occupation",
                        "ACTIVIST",
                        "region",
                        "Almaty",
                        "pseudonym",
                        PSEUDONYM,
                        "visibility",
                        "COALITION")))
            .get("id")
            .asLong();
    Reply consent =
        anna.post(
            "/api/persons/" + person + "/consents",
            Map.of("channel", "UN", "granted", true, "date", LocalDate.now().toString()));
    assertThat(consent.status()).as(consent.toString()).isIn(200, 201);
    long caseId =
        created(
                anna.post(
                    "/api/cases",
                    Map.of(
                        "title", "Imprisonment of an activist after a peaceful rally",
                        "country", "KZ",
                        "year", 2009,
                        "personIds", List.of(person),
                        "violations", List.of("ARBITRARY_DETENTION", "UNFAIR_TRIAL"),
                        "status", "OPEN",
                        "riskLevel", "LOW",
                        "visibility", "COALITION")))
            .get("id")
            .asLong();
    // search-service learns the person's name forms from cases-service's change feed.
    await("the person indexed")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                anna.get(
                        "/api/search?type=person&q="
                            + URLEncoder.encode(latin, StandardCharsets.UTF_8))
                    .json()
                    .path("hits"),
            hits -> hits.size() > 0);

    List<String> forms =
        List.of(
            latin.toUpperCase(Locale.ROOT), // capitals
            latin, // the surname alone
            cyrillic + "а", // Cyrillic with a Russian (genitive) ending
            cyrillic, // Cyrillic
            "Mukhtar " + latin + "'s", // the full name, possessive
            latin + " Mukhtar"); // the full name, surname first
    Reply draft =
        anna.post(
            "/api/submissions",
            Map.of(
                "type", "UPR_JOINT",
                "title", latin.toUpperCase(Locale.ROOT) + ": reprisals against an activist",
                "language", "en",
                "deadline", LocalDate.now().plusDays(60).toString(),
                "riskLevel", "LOW",
                "coSigners",
                    List.of(
                        Map.of(
                            "organisation", "fidu",
                            "description", "Italian Federation for Human Rights, Rome"),
                        Map.of(
                            "organisation", "kisr",
                            "description", "Kharkiv Institute for Social Research, Kharkiv")),
                "sections",
                    List.of(
                        Map.of(
                            "heading",
                            "The case of " + latin,
                            "text",
                            latin
                                + " Mukhtar was arrested in 2009. Суд приговорил "
                                + cyrillic
                                + "а к 14 годам.\n\nMukhtar "
                                + latin
                                + "'s family may not visit him."),
                        Map.of(
                            "heading",
                            "Reprisals",
                            "text",
                            "The authorities call " + cyrillic + " a fraudster.")),
                "caseIds", List.of(caseId),
                "proposedRecommendations",
                    List.of("Release " + latin + " and review his verdict.")));
    String submission = created(draft).get("id").asText();

    Reply submitted = Records.submit(anna, draft);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    assertThat(submitted.json().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(submitted.json().get("warnings")).as("the person is linked").isEmpty();

    approveAndSign(submission);
    await("the submission sent")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> anna.get("/api/submissions/" + submission).json().get("status").asText(),
            status -> status.equals("SENT"));

    Mail mail =
        await("the mail at OHCHR")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> mailOf(submission), found -> found != null);
    String document = docxText(mail.attachments().get(0).content());
    String fileName = mail.attachments().get(0).fileName();

    assertThat(mail.subject()).isEqualTo(PSEUDONYM + ": reprisals against an activist");
    assertThat(mail.text()).contains(PSEUDONYM);
    assertThat(document).contains(PSEUDONYM, "Суд приговорил", "Release");
    for (String outgoing : List.of(mail.subject(), mail.text(), document, fileName)) {
      for (String form : forms) {
        assertThat(outgoing.toLowerCase(Locale.ROOT))
            .as("a form of the name (%d characters) in what OHCHR receives", form.length())
            .doesNotContain(form.toLowerCase(Locale.ROOT));
      }
      assertThat(outgoing.toLowerCase(Locale.ROOT)).doesNotContain("dzhakishev", "джакишев");
    }
  }

  /** The coordinator approves and both co-signers sign, whatever tasks the review policy opens. */
  private void approveAndSign(String submission) {
    await("review and sign-off")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              complete(clara, submission, "Task_ReviewSubmission", "APPROVE");
              complete(clara, submission, "Task_LegalReview", "APPROVE");
              complete(marco, submission, "Task_CoSignerSignOff", "SIGN");
              complete(olena, submission, "Task_CoSignerSignOff", "SIGN");
              String status =
                  anna.get("/api/submissions/" + submission).json().get("status").asText();
              return status.equals("APPROVED") || status.equals("SENT");
            });
  }

  private static void complete(Api who, String submission, String taskKey, String decision) {
    for (JsonNode task : who.get("/api/tasks").json()) {
      if (task.get("taskKey").asText().equals(taskKey)
          && task.get("submissionId").asText().equals(submission)) {
        Reply done =
            who.post(
                "/api/tasks/" + task.get("id").asText() + "/complete",
                Map.of("decision", decision));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
      }
    }
  }

  /** The dispatch of this submission in OHCHR's inbox: its file name carries the id's start. */
  private Mail mailOf(String submission) {
    String idStart = submission.substring(0, 8);
    for (Mail mail : platform.mailboxes().inbox(platform.mailboxes().ohchrUpr())) {
      if (!mail.attachments().isEmpty() && mail.attachments().get(0).fileName().contains(idStart)) {
        return mail;
      }
    }
    return null;
  }

  /**
   * The text of a Word document as a reader sees it: every paragraph's text runs, one paragraph a
   * line, read from the document part of the .docx package (plain JDK, no Word library).
   */
  private static String docxText(byte[] docx) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("word/document.xml")) {
          DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
          factory.setNamespaceAware(true);
          factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          Document xml =
              factory.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
          StringBuilder text = new StringBuilder();
          NodeList paragraphs = xml.getElementsByTagNameNS(WORD, "p");
          for (int p = 0; p < paragraphs.getLength(); p++) {
            NodeList runs = ((Element) paragraphs.item(p)).getElementsByTagNameNS(WORD, "t");
            for (int r = 0; r < runs.getLength(); r++) {
              text.append(runs.item(r).getTextContent());
            }
            text.append('\n');
          }
          return text.toString();
        }
      }
    }
    throw new AssertionError("The attachment is no Word document");
  }

  /** Three lower-case Latin letters of this run, e.g. "kor". */
  private static String runLetters() {
    String consonants = "bdgklmnprstvz";
    String vowels = "aeiou";
    UUID random = UUID.randomUUID();
    long bits = random.getLeastSignificantBits() & Long.MAX_VALUE;
    return ""
        + consonants.charAt((int) (bits % consonants.length()))
        + vowels.charAt((int) (bits / 13 % vowels.length()))
        + consonants.charAt((int) (bits / 65 % consonants.length()));
  }

  /** The same letters in Cyrillic, as the name's original script writes them. */
  private static String cyrillic(String latin) {
    String from = "bdgklmnprstvzaeiou";
    String to = "бдгклмнпрствзаеиоу";
    StringBuilder out = new StringBuilder();
    for (char c : latin.toCharArray()) {
      out.append(to.charAt(from.indexOf(c)));
    }
    return out.toString();
  }
}
