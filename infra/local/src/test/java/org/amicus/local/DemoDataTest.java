package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

  @TempDir Path data;

  @Test
  void untilCasesServiceHasAnApiThereAreNoDemoRecordsAndNothingIsMarkedLoaded() {
    Path marker = data.resolve("demo-data.loaded");

    String outcome = new DemoData(marker, "http://127.0.0.1:1", null).load();

    assertThat(DemoData.batches()).isEmpty();
    assertThat(outcome).isEqualTo("no demo records yet");
    assertThat(marker).doesNotExist();
  }

  @Test
  void recordsAreLoadedOncePerDataDirectory() throws Exception {
    Path marker = Files.writeString(data.resolve("demo-data.loaded"), "loaded 3 demo records\n");

    assertThat(new DemoData(marker, "http://127.0.0.1:1", null).load())
        .isEqualTo("demo records already loaded");
  }
}
