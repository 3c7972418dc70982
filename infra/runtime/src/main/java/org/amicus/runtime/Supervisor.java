package org.amicus.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one component in its own small JVM until its owner process (the Maven build, or the local
 * launcher) ends, so that nothing survives the build or the launcher.
 *
 * <p>Usage: {@code Supervisor COMPONENT --state DIR --owner PID [--data DIR] [--port N]
 * [--keep-data]}
 */
public final class Supervisor {

  private Supervisor() {}

  public static void main(String[] args) throws Exception {
    Component component = Component.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    Map<String, String> options = options(args);
    Path stateDir = Path.of(options.get("--state"));
    long owner = Long.parseLong(options.get("--owner"));
    Path dataDir =
        options.containsKey("--data")
            ? Path.of(options.get("--data"))
            : stateDir.resolve(component.id() + "-data");
    int port = Integer.parseInt(options.getOrDefault("--port", "0"));
    boolean keepData = options.containsKey("--keep-data");
    Path stateFile = StateFile.of(stateDir, component);
    Path log = stateDir.resolve(component.id() + "-process.log");
    Files.createDirectories(dataDir);

    Runner runner = component.newRunner();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runner.stop();
                  try {
                    Files.deleteIfExists(stateFile);
                  } catch (Exception ignored) {
                    // the owner cleans the state directory too
                  }
                  stopped.countDown();
                },
                "supervisor-stop"));
    ProcessHandle.of(owner)
        .ifPresentOrElse(
            handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));

    Map<String, String> state;
    long starting = System.nanoTime();
    try {
      state = new LinkedHashMap<>(runner.start(new RunSpec(dataDir, port, keepData, log)));
      state.put(
          StateFile.READY_AFTER_MS, Long.toString((System.nanoTime() - starting) / 1_000_000));
      state.put(StateFile.SERVER_PID, Long.toString(runner.serverPid()));
    } catch (Exception e) {
      System.err.println(component.id() + " failed to start: " + e.getMessage());
      e.printStackTrace();
      System.exit(3);
      return;
    }
    state.put(StateFile.PID, Long.toString(ProcessHandle.current().pid()));
    StateFile.write(stateFile, state);
    System.out.println(component.id() + " ready");
    stopped.await();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String key = args[i];
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(key, flag ? "true" : args[++i]);
    }
    return options;
  }
}
