package org.amicus.local;

import java.time.Instant;
import java.util.Optional;

/**
 * A process recorded in {@code launcher.json}: its PID and when it started, so that a PID the
 * system has since given to another program is never signalled.
 *
 * @param started epoch milliseconds, 0 when the system did not say
 */
record ProcessRef(long pid, long started) {

  static ProcessRef of(ProcessHandle handle) {
    return new ProcessRef(
        handle.pid(), handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  /** The live process this record describes, if it still runs. */
  Optional<ProcessHandle> find() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            handle ->
                started == 0
                    || handle
                        .info()
                        .startInstant()
                        .map(at -> Math.abs(at.toEpochMilli() - started) < 1000)
                        .orElse(true));
  }
}
