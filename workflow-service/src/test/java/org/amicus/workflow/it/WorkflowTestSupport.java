package org.amicus.workflow.it;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import org.amicus.runtime.SmtpInfo;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the workflow-service integration tests share. */
final class WorkflowTestSupport {

  private WorkflowTestSupport() {}

  /**
   * A database of these tests' own: a context with the job executor on (the security contract
   * test's) must not pick up their jobs.
   */
  static final String DATABASE = "workflow_api_test";

  /** Real PostgreSQL and SMTP; the job executor off, so tests run jobs themselves. */
  static void realDependencies(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.postgres(), DATABASE)
        .forEach((key, value) -> registry.add(key, () -> value));
    SmtpInfo smtp = RealDependencies.smtp();
    SpringProperties.of(smtp).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  /**
   * A caller as the resource server sees one after checking a Keycloak token: the claims Amicus
   * reads (organisation, realm roles, username).
   */
  static RequestPostProcessor user(String username, String organisation, String... roles) {
    return jwt()
        .jwt(
            token ->
                token
                    .subject(username + "-id")
                    .claim("preferred_username", username)
                    .claim("organisation", organisation)
                    .claim("realm_access", Map.of("roles", List.of(roles))));
  }

  static RequestPostProcessor anna() {
    return user("anna", "odf", "partner");
  }

  static RequestPostProcessor marco() {
    return user("marco", "fidu", "partner");
  }

  static RequestPostProcessor olena() {
    return user("olena", "kisr", "partner");
  }

  /** A coordinator of another organisation than the authors'. */
  static RequestPostProcessor zoe() {
    return user("zoe", "kisr", "coordinator");
  }

  static RequestPostProcessor ivan() {
    return user("ivan", "fidu", "coordinator");
  }

  static RequestPostProcessor adam() {
    return user("adam", "odf", "admin");
  }

  /**
   * Replaces the REST clients of cases-service and of search-service's name matcher for the tests:
   * both are other services, not real dependencies these tests run against.
   */
  @TestConfiguration
  static class Cases {
    @Bean
    @Primary
    FakeCases fakeCases() {
      return new FakeCases();
    }

    @Bean
    @Primary
    FakeNames fakeNames(FakeCases cases) {
      return new FakeNames(cases);
    }
  }
}
