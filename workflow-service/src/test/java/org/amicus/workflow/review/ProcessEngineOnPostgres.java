package org.amicus.workflow.review;

import org.amicus.runtime.PostgresInfo;
import org.amicus.testkit.RealDependencies;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * A bare Camunda engine on the real PostgreSQL (a database of its own), job executor off, with the
 * service's BPMN and DMN deployed. Delegates are registered with {@code Mocks}, so a process test
 * exercises the model alone; the Spring tests exercise the delegates.
 */
public final class ProcessEngineOnPostgres {

  private static ProcessEngine engine;

  private ProcessEngineOnPostgres() {}

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      PostgresInfo postgres = RealDependencies.postgres();
      StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
      config.setProcessEngineName("workflow-process-test");
      config.setJdbcDriver("org.postgresql.Driver");
      config.setJdbcUrl(postgres.database("workflow_process"));
      config.setJdbcUsername(postgres.user());
      config.setJdbcPassword(postgres.password());
      config.setDatabaseSchemaUpdate("true");
      config.setJobExecutorActivate(false);
      config.setHistory("full");
      config.setJavaSerializationFormatEnabled(true);
      config.setExpressionManager(new MockExpressionManager());
      engine = config.buildProcessEngine();
      engine
          .getRepositoryService()
          .createDeployment()
          .name("workflow-process-test")
          .enableDuplicateFiltering(false)
          .addClasspathResource("bpmn/submission-review.bpmn")
          .addClasspathResource("dmn/review-policy.dmn")
          .deploy();
    }
    return engine;
  }
}
