package org.amicus.runtime;

import java.nio.file.Path;

/**
 * How to run a component.
 *
 * @param dataDir where its data lives; kept across runs when {@code keepData}
 * @param port the main port, or 0 for a free one
 * @param keepData local mode keeps what users saved; tests start from nothing
 * @param logFile where the component's own processes log
 */
record RunSpec(Path dataDir, int port, boolean keepData, Path logFile) {

  int portOrFree() {
    return port == 0 ? Ports.free() : port;
  }
}
