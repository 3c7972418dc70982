package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupArgumentsTest {

  @Test
  void backupGoesToTheDefaultDirectoryOrToTheOneGiven() {
    assertThat(Backup.parse(List.of())).isEmpty();
    assertThat(Backup.parse(List.of("--to", "/media/usb")))
        .isEqualTo(Optional.of(Path.of("/media/usb")));
    assertThat(Backup.parse(List.of("--to=/media/usb"))).contains(Path.of("/media/usb"));
  }

  @Test
  void backupRefusesWhatItDoesNotTake() {
    assertThatThrownBy(() -> Backup.parse(List.of("--to")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--to needs a directory");
    assertThatThrownBy(() -> Backup.parse(List.of("--into", "x")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("only --to DIR");
    assertThatThrownBy(() -> Backup.parse(List.of("--to", "a", "b")))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void restoreTakesOneFileAndForceInAnyOrder() {
    assertThat(Restore.parse(List.of("b.sealed")))
        .isEqualTo(new Restore.Options(Path.of("b.sealed"), false));
    assertThat(Restore.parse(List.of("--force", "b.sealed")))
        .isEqualTo(new Restore.Options(Path.of("b.sealed"), true));
    assertThatThrownBy(() -> Restore.parse(List.of()))
        .hasMessageContaining("needs the backup file");
    assertThatThrownBy(() -> Restore.parse(List.of("a", "b")))
        .hasMessageContaining("one backup file");
    assertThatThrownBy(() -> Restore.parse(List.of("a", "--yes"))).hasMessageContaining("--yes");
  }

  @Test
  void aWrongOptionExitsWithTheUsageCodeAndTheHelpNamesBothCommands() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Amicus.run(
            new String[] {"restore"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(Amicus.USAGE);
    assertThat(err.toString()).contains("needs the backup file");
    assertThat(Amicus.help()).contains("backup [--to DIR]").contains("restore FILE [--force]");
  }
}
