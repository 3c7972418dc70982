package org.amicus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.amicus.testkit.KeycloakInfo;

/**
 * Loads the demo records listed in {@code demo/records.txt} (this module's resources) through the
 * public API, as the demo users, once per data directory.
 *
 * <p>A hook for now: cases-service has no API for the records yet, so the list is empty and this
 * says so. The records go through the gateway like any client's, so they are validated, owned and
 * indexed like real ones.
 */
final class DemoData {

  private static final String INDEX = "/demo/records.txt";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One line of the index: who posts which file where. */
  record Batch(String username, String path, String file) {}

  private final Path loadedMarker;
  private final String gatewayUrl;
  private final KeycloakInfo keycloak;

  DemoData(Path loadedMarker, String gatewayUrl, KeycloakInfo keycloak) {
    this.loadedMarker = loadedMarker;
    this.gatewayUrl = gatewayUrl;
    this.keycloak = keycloak;
  }

  /**
   * @return one line for the user about what happened
   */
  String load() {
    if (Files.exists(loadedMarker)) {
      return "demo records already loaded";
    }
    List<Batch> batches = batches();
    if (batches.isEmpty()) {
      return "no demo records yet";
    }
    int posted = 0;
    for (Batch batch : batches) {
      String token = keycloak.accessToken(batch.username());
      for (JsonNode record : records(batch.file())) {
        post(batch, record, token);
        posted++;
      }
    }
    try {
      Files.writeString(loadedMarker, "loaded " + posted + " demo records\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "loaded " + posted + " demo records";
  }

  static List<Batch> batches() {
    List<Batch> batches = new ArrayList<>();
    try (InputStream in = DemoData.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        return batches;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != 3) {
          throw new IllegalStateException(INDEX + ": expected <user> <path> <file>: " + trimmed);
        }
        batches.add(new Batch(fields[0], fields[1], fields[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return batches;
  }

  private static JsonNode records(String file) {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + file)) {
      if (in == null) {
        throw new IllegalStateException(INDEX + " names /demo/" + file + ", which is missing");
      }
      return RunFile.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails on any answer but 2xx, naming the file and status, never the record's content. */
  private void post(Batch batch, JsonNode record, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl + batch.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(record.toString()))
            .build();
    try {
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new LaunchException(
            "Loading demo records of %s to %s failed: HTTP %d"
                .formatted(batch.file(), batch.path(), status));
      }
    } catch (IOException e) {
      throw new LaunchException("Loading demo records failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("Interrupted while loading demo records", e);
    }
  }
}
