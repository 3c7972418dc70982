package org.amicus.testkit;

import java.util.Map;

/** Starts one real dependency inside a supervisor JVM and stops it again. */
interface Runner {

  /**
   * Starts the dependency and blocks until it answers.
   *
   * @return what callers need to reach it, written to the component's state file
   */
  Map<String, String> start(RunSpec spec) throws Exception;

  /** Stops the dependency and every process it started. Must be safe to call twice. */
  void stop();
}
