package org.amicus.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amicus.platform.changefeed.Outbox;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.amicus.testkit.mvc.ApiCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one Spring context every cases-service integration test shares: real PostgreSQL, tokens from
 * the real Keycloak. Test classes extend this and add nothing to the configuration, so the context
 * starts once per build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability // Boot turns metrics export off in tests; Prometheus is under test too
public abstract class CasesIntegrationTest {

  /** Demo users (KeycloakInfo): partners of odf, fidu and kisr, a coordinator and an admin. */
  public static final String ANNA = "anna", MARCO = "marco", OLENA = "olena";

  public static final String CLARA = "clara", ADAM = "adam";

  /** The search-service account, and nobody at all. */
  public static final String INDEXER = "search-indexer", ANONYMOUS = "anonymous";

  /** The workflow-service account (role case-reader). */
  public static final String WORKFLOW = "workflow-service";

  /**
   * Fixed test keys (never used anywhere else): the database outlives a build, so every build must
   * read what the one before sealed. The previous key lets a test seal "old" values to rotate.
   */
  public static final String TEST_KEY = "dGVzdC1rZXktY3VycmVudC1ub3QtYS1zZWNyZXQhISE=";

  public static final String PREVIOUS_TEST_KEY = "dGVzdC1rZXktcHJldmlvdXMtbm90LWEtc2VjcmV0ISE=";

  private static final Map<String, Map.Entry<Instant, String>> TOKENS = new ConcurrentHashMap<>();

  @DynamicPropertySource
  static void realDependencies(DynamicPropertyRegistry registry) {
    SpringProperties.of(RealDependencies.postgres(), "cases")
        .forEach((key, value) -> registry.add(key, () -> value));
    SpringProperties.of(RealDependencies.keycloak())
        .forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.encryption.key", () -> TEST_KEY);
    registry.add("amicus.encryption.previous-keys", () -> PREVIOUS_TEST_KEY);
  }

  @Autowired protected MockMvc mvc;
  @Autowired protected ObjectMapper json;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected Outbox outbox;

  /**
   * A real access token, fetched again after two minutes (they live five). Other builds sharing
   * this Keycloak may trip its brute-force protection for a moment; a still-valid token is then
   * reused instead of failing the test.
   */
  protected static synchronized String token(String user) {
    Map.Entry<Instant, String> cached = TOKENS.get(user);
    Instant now = Instant.now();
    if (cached != null && cached.getKey().isAfter(now.minusSeconds(120))) {
      return cached.getValue();
    }
    try {
      String fresh =
          INDEXER.equals(user) || WORKFLOW.equals(user)
              ? Tokens.serviceToken(RealDependencies.keycloak(), user)
              : Tokens.accessToken(RealDependencies.keycloak(), user);
      TOKENS.put(user, Map.entry(now, fresh));
      return fresh;
    } catch (IllegalStateException refused) {
      if (cached != null && cached.getKey().isAfter(now.minusSeconds(270))) {
        return cached.getValue();
      }
      throw refused;
    }
  }

  /** Sends a request as the user; {@link #ANONYMOUS} sends no token. */
  protected MockHttpServletResponse call(String user, MockHttpServletRequestBuilder request)
      throws Exception {
    return send(user, request, null);
  }

  private MockHttpServletResponse send(
      String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
    RequestPostProcessor caller = ANONYMOUS.equals(user) ? null : ApiCalls.bearer(token(user));
    return new ApiCalls(mvc, json).send(request, caller, body);
  }

  protected MockHttpServletResponse getAs(String user, String path) throws Exception {
    return call(user, MockMvcRequestBuilders.get(path));
  }

  protected MockHttpServletResponse send(
      String user, String method, String path, String ifMatch, Object body) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(method, java.net.URI.create(path));
    if (ifMatch != null) {
      request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return send(user, request, body);
  }

  /** A record's latest change-feed document, as search-service reads it (stored sealed). */
  protected JsonNode feedDocument(String type, Object id) {
    long seq =
        jdbc.queryForObject(
            "select max(seq) from change_outbox where record_type = ? and record_id = ?",
            Long.class,
            type,
            String.valueOf(id));
    return outbox.after(seq - 1, 1).changes().get(0).document();
  }

  protected JsonNode body(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString());
  }
}
