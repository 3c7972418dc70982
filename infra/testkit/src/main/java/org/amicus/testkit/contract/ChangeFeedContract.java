package org.amicus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What a service that publishes a change feed (cases-service, workflow-service) promises on top of
 * {@link OpenApiContract}: search-service's account reads the feed, a partner may not, and a path
 * the service does not serve is a not-found problem.
 */
public interface ChangeFeedContract extends OpenApiContract {

  /** The feed needs the indexer role, which no person has. */
  @Override
  default String forbiddenForPartnerPath() {
    return "/internal/changes";
  }

  @Override
  default String documentedPath() {
    return "/internal/changes";
  }

  @Test
  default void theIndexerServiceAccountReadsTheChangeFeed() {
    String indexer = Tokens.serviceToken(RealDependencies.keycloak(), "search-indexer");

    var response = get("/internal/changes?after=0&limit=10", indexer);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"changes\"");
  }

  @Test
  default void anUnknownPathIsANotFoundProblemWithAStableType() {
    var response =
        get("/api/no-such-thing", Tokens.accessToken(RealDependencies.keycloak(), "anna"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("urn:amicus:problem:not-found");
  }
}
