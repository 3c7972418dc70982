package org.amicus.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stopping process trees: SIGTERM first, SIGKILL for whatever is still there after a grace. */
final class Processes {

  private Processes() {}

  /** The processes and everything they started, each once. */
  static List<ProcessHandle> withDescendants(Collection<ProcessHandle> roots) {
    Map<Long, ProcessHandle> all = new LinkedHashMap<>();
    for (ProcessHandle root : roots) {
      Stream.concat(Stream.of(root), root.descendants())
          .filter(ProcessHandle::isAlive)
          .forEach(handle -> all.putIfAbsent(handle.pid(), handle));
    }
    return new ArrayList<>(all.values());
  }

  /** Waits until every process has ended; false if some still run when the time is up. */
  static boolean awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
    CompletableFuture<?>[] exits =
        processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return processes.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Asks the processes (and their descendants, found now) to stop, waits up to {@code grace}, then
   * kills what is left.
   *
   * @return the processes that had to be killed
   */
  static List<ProcessHandle> stop(Collection<ProcessHandle> roots, Duration grace) {
    List<ProcessHandle> all = withDescendants(roots);
    roots.forEach(ProcessHandle::destroy);
    return killAfter(all, grace);
  }

  /** Waits for processes already asked to stop, and kills those still there after {@code grace}. */
  static List<ProcessHandle> killAfter(Collection<ProcessHandle> processes, Duration grace) {
    if (awaitExit(processes, grace)) {
      return List.of();
    }
    List<ProcessHandle> left = processes.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    awaitExit(left, Duration.ofSeconds(5));
    return left;
  }
}
