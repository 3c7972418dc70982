package org.amicus.local;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amicus.runtime.Component;
import org.amicus.runtime.StateFile;
import org.amicus.runtime.Supervisors;

/**
 * Starts the dependencies with the real-dependency kit: each in a supervisor JVM owned by the
 * launcher, so each stops when the launcher ends, however it ends. Local runs keep their data.
 */
final class Dependencies {

  private final Workspace workspace;
  private final LaunchOptions options;
  private final Secrets secrets;
  private final Supervisors supervisors;

  Dependencies(Workspace workspace, LaunchOptions options, Secrets secrets, long owner) {
    this.workspace = workspace;
    this.options = options;
    this.secrets = secrets;
    this.supervisors = new Supervisors(workspace.run(), owner);
  }

  /** Starts one dependency and blocks until it is ready; returns its state file's values. */
  Map<String, String> start(Part dependency) {
    Component component = dependency.dependency().orElseThrow();
    Map<String, String> environment = new LinkedHashMap<>(secrets.environmentFor(component));
    if (component == Component.KEYCLOAK) {
      // the gateway client's redirect URIs are imported from ${AMICUS_PUBLIC_URL}
      environment.put("AMICUS_PUBLIC_URL", options.publicUrl());
      // where Keycloak tells the gateway that a session ended (back-channel logout)
      environment.put("AMICUS_GATEWAY_INTERNAL_URL", AppEnvironment.url(options, Part.GATEWAY));
    }
    workspace.linkDependencyLogs(dependency);
    return supervisors.ensure(
        component,
        new Supervisors.Options(
            options.port(dependency), workspace.data(dependency), true, environment));
  }

  /** Where users and status reach a ready dependency, and how its health is checked. */
  static String url(Part dependency, Map<String, String> state) {
    return switch (dependency) {
      case POSTGRES -> "postgresql://%s:%s".formatted(state.get("host"), state.get("port"));
      case KEYCLOAK, ELASTICSEARCH -> state.get("url");
      case SMTP -> "smtp://%s:%s".formatted(state.get("host"), state.get("smtp.port"));
      default -> throw new IllegalArgumentException(dependency + " is not a dependency");
    };
  }

  static String healthUrl(Part dependency, Map<String, String> state) {
    return switch (dependency) {
      case POSTGRES -> Health.tcpUrl(state.get("host"), Integer.parseInt(state.get("port")));
      case KEYCLOAK -> state.getOrDefault("management.url", state.get("url")) + "/health/ready";
      case ELASTICSEARCH -> state.get("url") + "/_cluster/health";
      case SMTP -> Health.tcpUrl(state.get("host"), Integer.parseInt(state.get("smtp.port")));
      default -> throw new IllegalArgumentException(dependency + " is not a dependency");
    };
  }

  static long supervisorPid(Map<String, String> state) {
    return Long.parseLong(state.get(StateFile.PID));
  }
}
