package org.amicus.gateway.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway signs browsers in with Keycloak.
 *
 * @param issuerUri the PUBLIC issuer: browsers are sent to its authorization and logout endpoints,
 *     and tokens must name it as {@code iss}
 * @param internalUrl where the gateway itself reaches Keycloak (token, keys, user info); differs
 *     from the issuer only when Keycloak's public name does not resolve inside the network the
 *     gateway runs in (containers); defaults to the issuer
 * @param clientId the confidential client of the realm
 * @param clientSecret its secret
 * @param clockSkew how long before expiry an access token is refreshed, and the leeway when
 *     checking a token's expiry
 * @param secureCookies true behind TLS: session and CSRF cookies then carry {@code Secure}
 * @param keycloakTimeout how long the gateway waits for Keycloak's answer (code exchange, refresh,
 *     user info, keys) before giving up: a stalled Keycloak must not hold requests forever
 */
@ConfigurationProperties("amicus.gateway.login")
public record LoginProperties(
    String issuerUri,
    String internalUrl,
    @DefaultValue("gateway") String clientId,
    @DefaultValue("change-me") String clientSecret,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("false") boolean secureCookies,
    @DefaultValue("5s") Duration keycloakTimeout) {

  public String internalBase() {
    return internalUrl == null || internalUrl.isBlank() ? issuerUri : internalUrl;
  }
}
