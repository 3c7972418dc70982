package org.amicus.runtime;

import java.util.Map;

/**
 * A running Keycloak with the {@code coalition} realm imported, its demo users and generated client
 * secrets.
 */
public record KeycloakInfo(String url, String realm, Map<String, String> state) {

  /** The public client that scripts and tests use (password grant, local realm only). */
  public static final String CLI_CLIENT = "amicus-cli";

  /** The audience every Amicus service requires in access tokens. */
  public static final String AUDIENCE = "amicus-api";

  /** From the component's state, as {@link Supervisors#ensure} returns it. */
  public KeycloakInfo(Map<String, String> state) {
    this(state.get("url"), state.get("realm"), Map.copyOf(state));
  }

  public String issuer() {
    return url + "/realms/" + realm;
  }

  /**
   * The generated secret of a confidential client, e.g. {@code gateway} or {@code search-indexer}.
   */
  public String clientSecret(String clientId) {
    return require("secret." + clientId);
  }

  /** The generated password of a demo user, e.g. {@code anna}. */
  public String password(String username) {
    return require("password." + username);
  }

  private String require(String key) {
    String value = state.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Keycloak state has no " + key);
    }
    return value;
  }
}
