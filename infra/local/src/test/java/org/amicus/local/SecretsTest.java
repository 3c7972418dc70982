package org.amicus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.amicus.runtime.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dir;

  @Test
  void generatedOnceReadableOnlyByTheOwnerAndTheSameOnEveryRun() throws Exception {
    Path file = dir.resolve(".amicus/secrets.properties");

    Secrets first = Secrets.loadOrCreate(file, List.of("anna", "clara"));
    Secrets second = Secrets.loadOrCreate(file, List.of("anna", "clara"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(second.environmentFor(Component.KEYCLOAK))
        .isEqualTo(first.environmentFor(Component.KEYCLOAK));
    assertThat(second.get(Secrets.POSTGRES_PASSWORD))
        .isEqualTo(first.get(Secrets.POSTGRES_PASSWORD));
    assertThat(first.get(Secrets.POSTGRES_PASSWORD)).hasSize(32).matches("[A-Za-z0-9_-]+");
    assertThat(first.demoPassword("anna")).matches("\\w{4}-\\w{4}-\\w{4}");
    assertThat(first.demoPassword("anna")).isNotEqualTo(first.demoPassword("clara"));
  }

  @Test
  void aNewDemoUserGetsAPasswordWithoutChangingTheOthers() {
    Path file = dir.resolve("secrets.properties");
    Secrets before = Secrets.loadOrCreate(file, List.of("anna"));

    Secrets after = Secrets.loadOrCreate(file, List.of("anna", "marco"));

    assertThat(after.demoPassword("anna")).isEqualTo(before.demoPassword("anna"));
    assertThat(after.demoPassword("marco")).isNotBlank();
    assertThat(after.get(Secrets.GATEWAY_CLIENT_SECRET))
        .isEqualTo(before.get(Secrets.GATEWAY_CLIENT_SECRET));
  }

  @Test
  void aFileLeftReadableByOthersIsRestricted() throws Exception {
    Path file = dir.resolve("secrets.properties");
    Secrets.loadOrCreate(file, List.of("anna"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Secrets.loadOrCreate(file, List.of("anna"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void eachSupervisorGetsOnlyTheSecretsOfItsDependency() {
    Secrets secrets = Secrets.loadOrCreate(dir.resolve("secrets.properties"), List.of("olena"));

    assertThat(secrets.environmentFor(Component.POSTGRES))
        .containsOnlyKeys("AMICUS_POSTGRES_PASSWORD");
    assertThat(secrets.environmentFor(Component.KEYCLOAK))
        .containsOnlyKeys(
            "AMICUS_KEYCLOAK_ADMIN_PASSWORD",
            "AMICUS_GATEWAY_CLIENT_SECRET",
            "AMICUS_SEARCH_CLIENT_SECRET",
            "AMICUS_WORKFLOW_CLIENT_SECRET",
            "AMICUS_DEMO_PASSWORD_OLENA");
    assertThat(secrets.environmentFor(Component.ELASTICSEARCH)).isEmpty();
    assertThat(secrets.environmentFor(Component.SMTP)).isEmpty();
  }
}
