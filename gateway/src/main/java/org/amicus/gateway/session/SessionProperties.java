package org.amicus.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the browser sessions of the backend-for-frontend login live.
 *
 * @param store this gateway's memory (one instance), or Redis shared by all gateways
 * @param longestSignIn how long one sign-in can last at most: Keycloak's SSO session max lifespan
 *     (the realm's is 10 h). The record that lets a back-channel logout find a session is kept this
 *     long, however long the session stays in use.
 */
@ConfigurationProperties("amicus.gateway.session")
public record SessionProperties(
    @DefaultValue("memory") Store store, @DefaultValue("10h") Duration longestSignIn) {

  /** Where the sessions live. */
  public enum Store {
    /** One gateway instance: Spring WebFlux's in-memory session store. */
    MEMORY,
    /** Several instances: Spring Session in Redis, one session seen by every gateway. */
    REDIS
  }
}
