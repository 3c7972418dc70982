package org.amicus.e2e;

import static org.amicus.e2e.Records.caseOf;
import static org.amicus.e2e.Records.created;
import static org.amicus.e2e.Records.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.amicus.e2e.Api.Reply;
import org.amicus.local.Applications.Application;
import org.amicus.local.BackupDrills;
import org.amicus.runtime.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill of docs/operations.md: records of every kind are written through the gateway,
 * the stopped platform's PostgreSQL is backed up with the code of {@code ./amicus backup}, wiped
 * with Elasticsearch's data, restored with the code of {@code ./amicus restore}, and the platform
 * started again must show every record, document and sent file as written, an intact audit chain,
 * and a search index rebuilt from the change feeds that finds each record again.
 *
 * <p>Keycloak is the build's shared one here, so its database is not part of the drill; {@code
 * ./amicus backup} includes it (see BackupRestoreTest in infra/local).
 */
class RestoreDrillTest {

  private static final Duration EVENTUALLY = Duration.ofSeconds(120);
  private static final List<Application> STOP_ORDER =
      List.of(Application.GATEWAY, Application.SEARCH, Application.WORKFLOW, Application.CASES);

  private final Platform platform = Platform.get();
  private final Api anna = platform.api("anna");
  private final Api clara = platform.api("clara");

  /** Letters only, so that every analyzer keeps it as one word. */
  private final String word = word();

  @TempDir Path backups;

  @Test
  void everythingWrittenIsBackAfterABackupAWipeAndARestore() throws Exception {
    assumeTrue(
        platform.ownsDependencies(), "wipes PostgreSQL: runs only on dependencies of its own");
    Written written = write();
    Map<String, String> before = read(written);
    Map<String, TreeSet<String>> foundBefore = awaitFound(written);

    for (Application application : STOP_ORDER) {
      platform.stop(application);
    }
    platform.stop(Component.POSTGRES);
    Path postgres = platform.dataDir(Component.POSTGRES);
    String key = BackupDrills.newKey();
    Path backup = BackupDrills.backUp(key, postgres.getParent(), List.of(postgres), backups);

    delete(postgres);
    platform.stop(Component.ELASTICSEARCH);
    delete(platform.dataDir(Component.ELASTICSEARCH));
    assertThat(postgres).doesNotExist();

    BackupDrills.restore(key, backup, postgres.getParent(), List.of(postgres));
    platform.restart(Component.POSTGRES);
    platform.restart(Component.ELASTICSEARCH);
    for (Application application :
        List.of(Application.CASES, Application.WORKFLOW, Application.SEARCH, Application.GATEWAY)) {
      platform.restart(application);
    }

    Map<String, String> after = read(written);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach(
        (what, was) -> {
          if (what.endsWith("/history")) {
            // reading is audited too: the trail goes on from exactly what it held
            JsonNode entries = json(after.get(what));
            JsonNode held = json(was);
            assertThat(entries.size()).as(what).isGreaterThanOrEqualTo(held.size());
            for (int i = 0; i < held.size(); i++) {
              assertThat(entries.get(i)).as(what + " entry " + i).isEqualTo(held.get(i));
            }
          } else {
            assertThat(after.get(what)).as(what).isEqualTo(was);
          }
        });
    Reply verified = clara.get("/api/cases/audit/verify");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("intact").asBoolean()).isTrue();
    assertThat(awaitFound(written))
        .as("the index rebuilt from the feeds finds what it found before")
        .isEqualTo(foundBefore);
  }

  /** The ids of what the drill wrote, and the digests the platform reported when it was written. */
  private record Written(
      long person,
      long caseId,
      long recommendation,
      long figure,
      long document,
      String documentSha256,
      String submission,
      String dispatchSha256) {}

  private Written write() throws Exception {
    long person =
        created(
                anna.post(
                    "/api/persons",
                    person("Ерлан Дрилов", List.of("Yerlan " + word), "PROTESTER", "Drill P.")))
            .get("id")
            .asLong();
    long caseId =
        created(
                anna.post(
                    "/api/cases",
                    caseOf(
                        "Detention of a protester " + word,
                        person,
                        List.of("ARBITRARY_DETENTION"))))
            .get("id")
            .asLong();
    created(
        anna.post(
            "/api/cases/" + caseId + "/charges",
            Map.of("article", "405", "personId", person, "date", "2022-01")));
    created(
        anna.post(
            "/api/cases/" + caseId + "/events",
            Map.of("type", "ARREST", "date", "2022-01-06", "personId", person, "place", "Almaty")));
    created(
        anna.post(
            "/api/cases/" + caseId + "/decisions",
            Map.of(
                "body", "WGAD",
                "reference", "Opinion No. 1/2024",
                "date", "2024-05-04",
                "finding", "Detention arbitrary",
                "compliance", "IGNORED",
                "personId", person)));

    long recommendation =
        created(
                clara.post(
                    "/api/recommendations",
                    Records.recommendation("141.99", "Release persons detained " + word)))
            .get("id")
            .asLong();
    long figure =
        created(
                anna.post(
                    "/api/stats/sourced",
                    Map.of(
                        "value", 42,
                        "label", "Persons detained after the rally " + word,
                        "country", "KZ",
                        "refersFrom", "2022-01",
                        "countedBy", "A monitoring group",
                        "sourceCitation", "Monitoring report, January 2022")))
            .get("id")
            .asLong();

    byte[] content = pdf(200_000);
    JsonNode document = created(upload(caseId, "decision.pdf", content));

    Reply draft =
        anna.post(
            "/api/submissions",
            Records.ownDraft(
                "Restore drill " + word, "Findings", "Detentions continue.", List.of()));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    String submission = draft.json().get("id").asText();
    Reply submitted = Records.submit(anna, draft);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    JsonNode review = awaitReviewTask(submission);
    Reply approved =
        clara.post(
            "/api/tasks/" + review.get("id").asText() + "/complete", Map.of("decision", "APPROVE"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    await("the submission sent")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> anna.get("/api/submissions/" + submission).json().get("status").asText(),
            "SENT"::equals);
    JsonNode dispatch = anna.get("/api/submissions/" + submission + "/dispatches").json().get(0);

    assertThat(document.get("sha256").asText()).isEqualTo(sha256(content));
    return new Written(
        person,
        caseId,
        recommendation,
        figure,
        document.get("id").asLong(),
        sha256(content),
        submission,
        dispatch.get("sha256").asText());
  }

  /** Every record as the API shows it, and the digests of the files as they are served. */
  private Map<String, String> read(Written written) throws NoSuchAlgorithmException {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/api/persons/" + written.person(),
            "/api/cases/" + written.caseId(),
            "/api/cases/" + written.caseId() + "/documents",
            "/api/cases/" + written.caseId() + "/history",
            "/api/recommendations/" + written.recommendation(),
            "/api/stats/sourced/" + written.figure(),
            "/api/submissions/" + written.submission(),
            "/api/submissions/" + written.submission() + "/dispatches",
            "/api/submissions/" + written.submission() + "/history")) {
      Reply reply =
          await(path)
              .atMost(EVENTUALLY)
              .ignoreExceptions()
              .until(() -> anna.get(path), r -> r.status() == 200);
      seen.put(path, reply.json().toString());
    }
    var document =
        anna.bytes(
            "/api/cases/%d/documents/%d/content".formatted(written.caseId(), written.document()));
    assertThat(document.statusCode()).isEqualTo(200);
    seen.put("document sha256", sha256(document.body()));
    assertThat(sha256(document.body())).isEqualTo(written.documentSha256());
    JsonNode dispatch =
        anna.get("/api/submissions/" + written.submission() + "/dispatches").json().get(0);
    var sent =
        anna.bytes(
            "/api/submissions/%s/dispatches/%d/document"
                .formatted(written.submission(), dispatch.get("revision").asInt()));
    assertThat(sent.statusCode()).isEqualTo(200);
    seen.put("dispatch sha256", sha256(sent.body()));
    assertThat(sha256(sent.body())).isEqualTo(written.dispatchSha256());
    return seen;
  }

  /** Each record's search, once the index holds it: the ids found, by query. */
  private Map<String, TreeSet<String>> awaitFound(Written written) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("type=person&q=" + word, "person:" + written.person());
    expected.put("type=case&q=" + word, "case:" + written.caseId());
    expected.put("type=recommendation&q=" + word, "recommendation:" + written.recommendation());
    expected.put("type=submission&q=" + word, "submission:" + written.submission());
    Map<String, TreeSet<String>> found = new LinkedHashMap<>();
    expected.forEach(
        (query, record) ->
            found.put(
                query,
                await("search " + query)
                    .atMost(EVENTUALLY)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> hits(query), hits -> hits.contains(record))));
    return found;
  }

  private TreeSet<String> hits(String query) {
    Reply found =
        clara.get(
            "/api/search?" + query.replace(word, URLEncoder.encode(word, StandardCharsets.UTF_8)));
    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    TreeSet<String> hits = new TreeSet<>();
    found
        .json()
        .get("hits")
        .forEach(hit -> hits.add(hit.get("type").asText() + ":" + hit.get("id").asText()));
    return hits;
  }

  private Reply upload(long caseId, String fileName, byte[] content) throws IOException {
    String boundary = "drill" + word;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .formatted(boundary, fileName)
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return anna.send(
        anna.request("/api/cases/" + caseId + "/documents?kind=COURT_DECISION&sensitivity=STANDARD")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private JsonNode awaitReviewTask(String submission) {
    return await("the review task")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (JsonNode task : clara.get("/api/tasks").json()) {
                if (task.get("submissionId").asText().equals(submission)
                    && task.get("taskKey").asText().equals("Task_ReviewSubmission")) {
                  return task;
                }
              }
              return null;
            },
            task -> task != null);
  }

  private static JsonNode json(String text) {
    try {
      return Api.JSON.readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A PDF's signature, then random letters: a file the content check accepts as a PDF. */
  private static byte[] pdf(int size) {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[size];
    byte[] start = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, bytes, 0, start.length);
    for (int i = start.length; i < size; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(26));
    }
    return bytes;
  }

  private static String word() {
    SecureRandom random = new SecureRandom();
    StringBuilder word = new StringBuilder("drill");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path :
          new ArrayList<>(paths.sorted(java.util.Comparator.reverseOrder()).toList())) {
        Files.delete(path);
      }
    }
  }
}
