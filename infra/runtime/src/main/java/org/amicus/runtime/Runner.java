package org.amicus.runtime;

import java.util.Map;

/** Starts one real dependency inside a supervisor JVM and stops it again. */
interface Runner {

  /**
   * Starts the dependency and blocks until it answers.
   *
   * @return what callers need to reach it, written to the component's state file
   */
  Map<String, String> start(RunSpec spec) throws Exception;

  /**
   * The process that is the server once {@link #start} returned, measured with its descendants
   * (memory in the benchmark report). This supervisor JVM when the server runs inside it.
   */
  default long serverPid() {
    return ProcessHandle.current().pid();
  }

  /** Stops the dependency and every process it started. Must be safe to call twice. */
  void stop();
}
