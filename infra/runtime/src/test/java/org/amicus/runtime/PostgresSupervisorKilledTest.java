package org.amicus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL supervisor killed with SIGKILL (a crashed build, a fault test) leaves its server
 * running; the next start on that directory must stop it, not fail on the taken port.
 */
class PostgresSupervisorKilledTest {

  @TempDir Path stateDir;

  private Supervisors supervisors;

  @AfterEach
  void stopOwnPostgres() {
    if (supervisors != null) {
      StateFile.readLive(StateFile.of(stateDir, Component.POSTGRES))
          .ifPresent(state -> supervisor(state).ifPresent(ProcessHandle::destroy));
      Postmaster.stopOrphan(stateDir.resolve("postgres"), Duration.ofSeconds(15));
    }
  }

  @Test
  void restartAfterTheSupervisorWasKilledStopsTheOrphanAndServesOnTheSamePort() throws Exception {
    supervisors = new Supervisors(stateDir, ProcessHandle.current().pid());
    Supervisors.Options options =
        new Supervisors.Options(Ports.free(), stateDir.resolve("postgres"), false, Map.of());
    Map<String, String> first = supervisors.ensure(Component.POSTGRES, options);
    ProcessHandle orphan = Postmaster.of(stateDir.resolve("postgres")).orElseThrow();

    ProcessHandle killed = supervisor(first).orElseThrow();
    killed.destroyForcibly();
    killed.onExit().get();
    assertThat(orphan.isAlive()).as("pg_ctl detaches the server from its supervisor").isTrue();

    Map<String, String> second = supervisors.ensure(Component.POSTGRES, options);

    assertThat(orphan.isAlive()).isFalse();
    assertThat(second.get("port")).isEqualTo(first.get("port"));
    PostgresInfo postgres = new PostgresInfo(second);
    try (Connection connection =
            DriverManager.getConnection(
                postgres.database("after_restart"), postgres.user(), postgres.password());
        ResultSet rs = connection.createStatement().executeQuery("select 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  private static Optional<ProcessHandle> supervisor(Map<String, String> state) {
    return ProcessHandle.of(Long.parseLong(state.get(StateFile.PID)));
  }
}
