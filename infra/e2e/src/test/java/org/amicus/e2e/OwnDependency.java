package org.amicus.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amicus.runtime.Component;
import org.amicus.runtime.Postmaster;
import org.amicus.runtime.Supervisors;
import org.amicus.testkit.ServerProcess;

/**
 * A dependency of this test JVM's own (PostgreSQL, Elasticsearch, SMTP): the fault tests kill and
 * restart it, which they must never do to the build's shared ones. It keeps its port and its data
 * across restarts, as a real server would, and ends with this JVM.
 */
final class OwnDependency {

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  private final Component component;
  private final Supervisors supervisors;
  private final Supervisors.Options options;
  private volatile Map<String, String> state;

  OwnDependency(Component component, Path stateDir, int port, Map<String, String> environment) {
    this.component = component;
    this.supervisors = new Supervisors(stateDir, ProcessHandle.current().pid());
    this.options =
        new Supervisors.Options(
            port, stateDir.resolve(component.id() + "-data"), true, environment);
  }

  Component component() {
    return component;
  }

  /** Where the server keeps its data, kept across restarts. */
  Path dataDir() {
    return options.dataDir();
  }

  /** The server as it was last started. */
  synchronized ServerProcess process() {
    return ServerProcess.of(state);
  }

  /** Starts it unless it runs; blocks until it is ready and returns its state. */
  synchronized Map<String, String> start() {
    state = supervisors.ensure(component, options);
    return state;
  }

  /**
   * SIGKILL to the server and its supervisor, as a crash: nothing gets to clean up. Returns when
   * everything has ended.
   */
  synchronized void kill() {
    List<ProcessHandle> all = new ArrayList<>();
    supervisor()
        .ifPresent(
            supervisor -> {
              all.addAll(supervisor.descendants().toList());
              all.add(supervisor);
            });
    postmaster()
        .ifPresent(
            postmaster -> {
              all.addAll(postmaster.descendants().toList());
              all.add(postmaster);
            });
    all.forEach(ProcessHandle::destroyForcibly);
    awaitExit(all);
  }

  /** A clean shutdown: SIGTERM to the supervisor, which stops the server. */
  synchronized void stop() {
    List<ProcessHandle> all = new ArrayList<>();
    supervisor().ifPresent(all::add);
    postmaster().ifPresent(all::add);
    supervisor().ifPresent(ProcessHandle::destroy);
    awaitExit(all);
  }

  /** Stops it if it still runs and starts it again, same port, same data. */
  synchronized Map<String, String> restart() {
    if (supervisor().isPresent()) {
      stop();
    }
    return start();
  }

  private Optional<ProcessHandle> supervisor() {
    return state == null
        ? Optional.empty()
        : ProcessHandle.of(Long.parseLong(state.get("supervisor.pid")))
            .filter(ProcessHandle::isAlive);
  }

  /** PostgreSQL's postmaster is started by pg_ctl, detached from the supervisor. */
  private Optional<ProcessHandle> postmaster() {
    return component == Component.POSTGRES ? Postmaster.of(options.dataDir()) : Optional.empty();
  }

  private void awaitExit(List<ProcessHandle> processes) {
    try {
      CompletableFuture.allOf(
              processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(component.id() + " did not end in " + EXIT_TIMEOUT, e);
    }
  }
}
