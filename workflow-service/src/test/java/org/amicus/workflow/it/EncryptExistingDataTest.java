package org.amicus.workflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.runtime.PostgresInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.workflow.WorkflowApplication;
import org.amicus.workflow.dispatch.Dispatcher;
import org.amicus.workflow.submission.SubmissionEvents;
import org.amicus.workflow.submission.SubmissionService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A workflow database from before sealing (schema version 3, everything in plaintext) is sealed at
 * the first start with a key, and reads back the same.
 */
class EncryptExistingDataTest {

  static final String DATABASE = "workflow_sealing_upgrade";
  static final UUID ID = UUID.fromString("5ea1ed00-0000-4000-8000-000000000001");
  static final String CONTENT =
      """
      {"title": "Brindlewick appeal", "language": "en",
       "coSigners": [{"organisation": "fidu", "description": "Brindlewick partners"}],
       "sections": [{"heading": "Facts", "text": "Marrowgate detention facts."}]}
      """;
  static final byte[] DOCUMENT = "%PDF-1.7 Brindlewick appeal".getBytes(StandardCharsets.UTF_8);

  @Test
  void everyPlaintextValueIsSealedAtTheFirstStartAndReadsBackTheSame() {
    PostgresInfo postgres = RealDependencies.postgres();
    String url = postgres.database(DATABASE);
    JdbcTemplate old =
        new JdbcTemplate(
            new org.springframework.jdbc.datasource.DriverManagerDataSource(
                url, postgres.user(), postgres.password()));
    Flyway.configure()
        .dataSource(url, postgres.user(), postgres.password())
        .locations("classpath:db/migration", "classpath:db/changefeed")
        .target("3")
        .load()
        .migrate();
    old.update(
        "insert into submission (id, type, target, lead_organisation, status, revision, content,"
            + " created_by, created_at, updated_at, lock_version)"
            + " values (?, 'UPR_JOINT', 'OHCHR_UPR', 'odf', 'DRAFT', 1, cast(? as jsonb), 'anna',"
            + " now(), now(), 0)",
        ID,
        CONTENT);
    old.update(
        "insert into submission_revision (submission_id, revision, content, saved_by, saved_at)"
            + " values (?, 1, cast(? as jsonb), 'anna', now())",
        ID,
        CONTENT);
    old.update(
        "insert into submission_comment (id, submission_id, revision, author, body, created_at)"
            + " values (?, ?, 1, 'zoe', 'Brindlewick needs a source', now())",
        UUID.randomUUID(),
        ID);
    old.update(
        "insert into submission_event (submission_id, at, actor, action, revision, detail)"
            + " values (?, now(), 'anna', 'ACKNOWLEDGED', 1, 'Brindlewick-REF-1')",
        ID);
    old.update(
        "insert into dispatch (submission_id, revision, message_id, recipient, file_name,"
            + " media_type, sha256, document, status, prepared_at)"
            + " values (?, 1, '<m@x>', 'upr@ohchr.example', 'upr.pdf', 'application/pdf', ?, ?,"
            + " 'SENT', now())",
        ID,
        "0".repeat(64),
        DOCUMENT);
    old.update(
        "insert into change_outbox (record_type, record_id, operation, document)"
            + " values ('submission', ?, 'UPSERT', cast(? as jsonb))",
        ID.toString(),
        "{\"title\": \"Brindlewick appeal\"}");

    try (ConfigurableApplicationContext app = start(postgres)) {
      for (String word : List.of("Brindlewick", "Marrowgate")) {
        assertThat(Plaintext.columnsHolding(old, word)).as("columns holding '%s'", word).isEmpty();
      }
      assertThat(
              old.queryForObject(
                  "select count(*) from change_outbox where document is not null", Long.class))
          .isZero();

      SubmissionService submissions = app.getBean(SubmissionService.class);
      assertThat(submissions.find(ID).content().title()).isEqualTo("Brindlewick appeal");
      assertThat(submissions.find(ID).content().sections().get(0).text())
          .isEqualTo("Marrowgate detention facts.");
      Caller marco = new Caller("marco-id", "marco", Optional.of("fidu"), Set.of(Role.PARTNER));
      assertThat(submissions.list(marco)).extracting(s -> s.id()).contains(ID);
      assertThat(submissions.comments(ANNA, ID).get(0).body())
          .isEqualTo("Brindlewick needs a source");
      assertThat(app.getBean(SubmissionEvents.class).of(ID).get(0).detail())
          .isEqualTo("Brindlewick-REF-1");
      assertThat(app.getBean(Dispatcher.class).of(ID).get(0).document()).isEqualTo(DOCUMENT);
      assertThat(
              app.getBean(Outbox.class)
                  .after(0, 10)
                  .changes()
                  .get(0)
                  .document()
                  .get("title")
                  .asText())
          .isEqualTo("Brindlewick appeal");
    }
  }

  static final Caller ANNA =
      new Caller("anna-id", "anna", Optional.of("odf"), Set.of(Role.PARTNER));

  static ConfigurableApplicationContext start(PostgresInfo postgres) {
    Map<String, Object> properties = new HashMap<>(SpringProperties.of(postgres, DATABASE));
    properties.putAll(SpringProperties.of(RealDependencies.smtp()));
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    String[] arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(WorkflowApplication.class, WorkflowTestSupport.Cases.class)
        .run(arguments);
  }
}
