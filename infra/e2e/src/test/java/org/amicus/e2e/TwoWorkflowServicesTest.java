package org.amicus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.amicus.e2e.Api.Reply;
import org.amicus.e2e.Mailboxes.Mail;
import org.amicus.e2e.Platform.Instance;
import org.amicus.local.Applications.Application;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "Workflow ×2 on one database": the platform's workflow-service and a second one, a
 * separate JVM on the same database, share 200 submissions from submission through review to
 * dispatch; the second is killed (SIGKILL) while dispatches are in flight. Each submission is sent
 * exactly once and each of its deadline timers fires once.
 *
 * <p>What each assertion rests on, and so what makes it fail when the shared store's guarantee is
 * taken away:
 *
 * <ul>
 *   <li><b>Each timer fires once</b> (one {@code DEADLINE_REMINDER} and one {@code ESCALATED} entry
 *       in the journal, one history step of each timer, one reminder mail to the lead
 *       organisation): Camunda's job acquisition on the one database. An executor locks a due job
 *       by an {@code UPDATE act_ru_job ... WHERE rev_ = ?}, so of two executors racing for it only
 *       one gets it, and the job's row is deleted in the same transaction as the journal entry it
 *       writes; the notification is sent after that commit only. Give each instance a database of
 *       its own (or skip the optimistic check on {@code rev_}) and both fire each timer: two
 *       entries, two mails. The deadlines are tomorrow, so both the reminder (14 days before) and
 *       the escalation (3 days before) are due as each process starts, and both instances' job
 *       executors compete for 400 timer jobs at once.
 *   <li><b>Each is sent exactly once</b> (one mail at OHCHR per submission, one dispatch record,
 *       one {@code SENT} entry): the same job acquisition for the asynchronous dispatch job, and
 *       the dispatch row in {@code Dispatcher} (committed as {@code PREPARED} before the mail goes
 *       out, {@code SENT} right after), which keeps a job that runs again after a crash from
 *       sending a second time once the first send was recorded. The one window left, a kill between
 *       the SMTP server's acceptance and that second commit, resends the same Message-ID: for the
 *       dispatches the killed instance had {@code PREPARED} and not {@code SENT} at the kill, the
 *       test allows that second copy and nowhere else.
 *   <li><b>Nothing is lost or stuck after the kill</b> (all 200 reach {@code SENT}): the killed
 *       instance's locks on its jobs expire ({@code camunda.bpm.job-execution.lock-time-in-millis},
 *       set short here so the test stays within its budget) and the surviving instance acquires
 *       them; a dispatch job's retries (R3/PT1M) are not used up by a crash.
 * </ul>
 *
 * <p>The platform's own instance is never killed, so the shared platform stays as it was for the
 * other tests; the second instance is the one that dies. Its lock time is 60 s, longer than any
 * dispatch takes, shorter than Camunda's default 5 minutes that would outlast the test.
 */
class TwoWorkflowServicesTest {

  private static final int SUBMISSIONS = 200;
  private static final Duration LOCK_TIME = Duration.ofSeconds(60);
  private static final Duration PHASE = Duration.ofMinutes(3);

  private final Platform platform = Platform.get();

  @Test
  void twoHundredSubmissionsAreSentOnceAndTheirTimersFireOnceThoughOneInstanceIsKilled()
      throws SQLException {
    Instance second =
        platform.another(
            Application.WORKFLOW,
            Map.of(
                "CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", Long.toString(LOCK_TIME.toMillis())));
    List<Node> nodes =
        List.of(
            new Node(platform.url(Application.WORKFLOW), platform),
            new Node(second.url(), platform));
    Node survivor = nodes.get(0);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      // 1. Each submission is written and submitted through one instance or the other.
      List<String> submissions =
          all(
              callers,
              IntStream.range(0, SUBMISSIONS)
                  .mapToObj(i -> (Work<String>) () -> submitted(nodes.get(i % 2), i))
                  .toList());

      // 2. Both deadline timers of each process were due at its start: each fires once.
      awaitEach(
          submissions,
          id -> {
            List<JsonNode> history = history(survivor, id);
            return count(history, "DEADLINE_REMINDER") > 0 && count(history, "ESCALATED") > 0;
          },
          "the reminder and escalation of every submission");

      // 3. A coordinator who is not the author approves each, through one instance or the other;
      // the second instance dies while dispatches run on both.
      Map<String, String> reviewTasks = reviewTasks(survivor, submissions);
      AtomicInteger approved = new AtomicInteger();
      List<CompletableFuture<Void>> approvals = new ArrayList<>();
      for (int i = 0; i < SUBMISSIONS; i++) {
        String task = reviewTasks.get(submissions.get(i));
        Node node = nodes.get(i % 2);
        approvals.add(
            CompletableFuture.runAsync(
                () -> {
                  approve(node, survivor, task);
                  approved.incrementAndGet();
                },
                callers));
      }
      await("a third of the approvals")
          .atMost(PHASE)
          .pollInterval(Duration.ofMillis(200))
          .failFast(
              "an approval failed",
              () -> approvals.stream().anyMatch(CompletableFuture::isCompletedExceptionally))
          .until(() -> approved.get() >= SUBMISSIONS / 3);
      Set<String> interrupted = new HashSet<>();
      int jobsAtKill;
      try (Connection db = platform.connect(Application.WORKFLOW)) {
        nodes.get(1).dead = true;
        second.process().kill();
        jobsAtKill = count(db, "select count(*) from act_ru_job where lock_owner_ is not null");
        interrupted.addAll(ids(db, "select submission_id from dispatch where status <> 'SENT'"));
      }
      System.out.printf(
          "Second workflow-service killed after %d approvals, %d jobs locked, %d dispatches"
              + " prepared and not sent%n",
          approved.get(), jobsAtKill, interrupted.size());
      CompletableFuture.allOf(approvals.toArray(CompletableFuture[]::new)).join();
      assertThat(approved.get()).isEqualTo(SUBMISSIONS);

      // 4. The survivor takes over the dead instance's jobs once their locks expire.
      awaitEach(
          submissions,
          id ->
              "SENT"
                  .equals(
                      survivor.anna.get("/api/submissions/" + id).json().path("status").asText()),
          "every submission SENT");

      // 5. Once each: the mails, the dispatch records, the journal, the timers.
      Mailboxes boxes = platform.mailboxes();
      Map<String, Integer> dispatched = byReference(boxes.inbox(boxes.ohchrUpr()), "<submission-");
      Map<String, Integer> reminded = new HashMap<>();
      Map<String, Integer> escalated = new HashMap<>();
      for (String organisation : List.of("odf", "fidu", "kisr")) {
        List<Mail> inbox = boxes.inbox(boxes.organisation(organisation));
        merge(reminded, byReference(subject(inbox, "[Amicus] Deadline "), "Submission: "));
        merge(
            escalated,
            byReference(subject(inbox, "[Amicus] Close to its deadline"), "Submission: "));
      }
      Map<String, Integer> coordinatorsAlerted =
          byReference(
              subject(boxes.inbox(boxes.coordinators()), "[Amicus] Close to its deadline"),
              "Submission: ");
      List<String> wrong = new ArrayList<>();
      for (String id : submissions) {
        List<JsonNode> history = history(survivor, id);
        int mails = dispatched.getOrDefault(id, 0);
        boolean sentOnce = mails == 1 || (mails == 2 && interrupted.contains(id));
        int records = survivor.anna.get("/api/submissions/" + id + "/dispatches").json().size();
        String counts =
            ("mails at OHCHR %d, dispatch records %d, SENT %d, reminders %d (mails %d),"
                    + " escalations %d (mails %d, to coordinators %d), reminder timer steps %d,"
                    + " escalation steps %d")
                .formatted(
                    mails,
                    records,
                    count(history, "SENT"),
                    count(history, "DEADLINE_REMINDER"),
                    reminded.getOrDefault(id, 0),
                    count(history, "ESCALATED"),
                    escalated.getOrDefault(id, 0),
                    coordinatorsAlerted.getOrDefault(id, 0),
                    steps(history, "Deadline approaching"),
                    steps(history, "Alert the coordinators"));
        if (!sentOnce
            || records != 1
            || count(history, "SENT") != 1
            || count(history, "DEADLINE_REMINDER") != 1
            || reminded.getOrDefault(id, 0) != 1
            || count(history, "ESCALATED") != 1
            || escalated.getOrDefault(id, 0) != 1
            || coordinatorsAlerted.getOrDefault(id, 0) != 1
            || steps(history, "Deadline approaching") != 1
            || steps(history, "Alert the coordinators") != 1) {
          wrong.add("submission " + id + ": " + counts);
        }
      }
      assertThat(wrong)
          .as("submissions not sent exactly once or whose timers did not fire once")
          .isEmpty();
    } finally {
      callers.shutdownNow();
      if (second.process().isAlive()) {
        second.process().kill();
      }
    }
  }

  /** One workflow-service instance as its callers reach it directly, bypassing the gateway. */
  private static final class Node {
    final Api anna;
    final Api clara;
    volatile boolean dead;

    Node(String url, Platform platform) {
      this.anna = new Api(url, () -> platform.token("anna"));
      this.clara = new Api(url, () -> platform.token("clara"));
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run();
  }

  private static <T> List<T> all(ExecutorService callers, List<Work<T>> work) {
    List<CompletableFuture<T>> futures =
        work.stream().map(w -> CompletableFuture.supplyAsync(w::run, callers)).toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  /** A draft due tomorrow, written and submitted by its author through the given instance. */
  private static String submitted(Node node, int number) {
    Map<String, Object> draft =
        new HashMap<>(
            Records.ownDraft(
                "Two instances test " + number, "Findings", "Detentions continue.", List.of()));
    draft.put("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
    Reply created = node.anna.post("/api/submissions", draft);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Reply submitted = Records.submit(node.anna, created);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    return created.json().get("id").asText();
  }

  /**
   * The coordinator approves the review task through the given instance; once that instance is
   * dead, or when it dies during the call, through the survivor, as a load balancer would retry.
   * After a lost answer the task may be gone already (the dead instance completed it): then the
   * survivor answers 404, which is that approval, not a failure.
   */
  private static void approve(Node node, Node survivor, String task) {
    String path = "/api/tasks/" + task + "/complete";
    Map<String, String> decision = Map.of("decision", "APPROVE");
    if (!node.dead) {
      try {
        Reply reply = node.clara.post(path, decision);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return;
      } catch (UncheckedIOException answerLost) {
        Reply retried = survivor.clara.post(path, decision);
        assertThat(retried.status()).as(retried.toString()).isIn(200, 404);
        return;
      }
    }
    Reply reply = survivor.clara.post(path, decision);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** The review task of each submission, as the coordinator's inbox lists them. */
  private static Map<String, String> reviewTasks(Node node, List<String> submissions) {
    Map<String, String> tasks = new ConcurrentHashMap<>();
    await("a review task for every submission")
        .atMost(PHASE)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> {
              for (JsonNode task : node.clara.get("/api/tasks").json()) {
                if ("Task_ReviewSubmission".equals(task.path("taskKey").asText())) {
                  tasks.put(task.path("submissionId").asText(), task.path("id").asText());
                }
              }
              return tasks.keySet().containsAll(submissions);
            });
    return tasks;
  }

  /** Waits until the condition holds for every submission, asking only about those still due. */
  private static void awaitEach(
      List<String> submissions, java.util.function.Predicate<String> done, String what) {
    Set<String> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(submissions);
    await(what)
        .atMost(PHASE)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> {
              pending.removeIf(done);
              return pending.isEmpty();
            });
  }

  private static List<JsonNode> history(Node node, String submission) {
    Reply reply = node.anna.get("/api/submissions/" + submission + "/history");
    assertThat(reply.status()).as("history of " + submission).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    reply.json().forEach(entries::add);
    return entries;
  }

  /** Entries of the service's journal with this action. */
  private static long count(List<JsonNode> history, String action) {
    return history.stream()
        .filter(e -> "amicus".equals(e.path("source").asText()))
        .filter(e -> action.equals(e.path("action").asText()))
        .count();
  }

  /** Steps of the engine's history with this name (a timer event's name, as in the BPMN). */
  private static long steps(List<JsonNode> history, String name) {
    return history.stream()
        .filter(e -> "process".equals(e.path("source").asText()))
        .filter(e -> "STEP".equals(e.path("action").asText()))
        .filter(e -> name.equals(e.path("detail").asText()))
        .count();
  }

  private static List<Mail> subject(List<Mail> mails, String prefix) {
    return mails.stream()
        .filter(m -> m.subject() != null && m.subject().startsWith(prefix))
        .toList();
  }

  /**
   * How many mails name each submission id right after the marker in their text: {@code
   * <submission-ID-r1@...>} in a dispatch, {@code Submission: ID} in a notification.
   */
  private static Map<String, Integer> byReference(List<Mail> mails, String marker) {
    Map<String, Integer> counts = new HashMap<>();
    for (Mail mail : mails) {
      int at = mail.text().indexOf(marker);
      if (at >= 0 && mail.text().length() >= at + marker.length() + 36) {
        String id = mail.text().substring(at + marker.length(), at + marker.length() + 36);
        counts.merge(id, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static void merge(Map<String, Integer> into, Map<String, Integer> counts) {
    counts.forEach((id, n) -> into.merge(id, n, Integer::sum));
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Set<String> ids(Connection db, String sql) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
