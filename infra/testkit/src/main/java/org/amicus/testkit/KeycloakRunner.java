package org.amicus.testkit;

import java.util.Map;

/** Placeholder until the Keycloak runner lands. */
final class KeycloakRunner implements Runner {

  @Override
  public Map<String, String> start(RunSpec spec) {
    throw new UnsupportedOperationException("Keycloak runner not written yet");
  }

  @Override
  public void stop() {}
}
