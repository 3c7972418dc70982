package org.amicus.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** What this run's search index and its state index hold, read straight from Elasticsearch. */
final class IndexedRecords {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private IndexedRecords() {}

  /** Id and version of the case records in the search index that match {@code filter}. */
  static Map<String, Long> cases(Platform platform, String filter) throws Exception {
    String query =
        """
        {"size": 10000, "track_total_hits": true, "version": true, "_source": ["id"],
         "query": {"bool": {"filter": [{"term": {"type": "case"}}, %s]}}}
        """
            .formatted(filter);
    HttpResponse<String> response =
        request(platform, "POST", "/" + platform.runId() + "-search/_search", query);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Elasticsearch answered " + response.statusCode());
    }
    Map<String, Long> records = new TreeMap<>();
    for (JsonNode hit : Api.JSON.readTree(response.body()).path("hits").path("hits")) {
      records.put(hit.path("_source").path("id").asText(), hit.path("_version").asLong());
    }
    return records;
  }

  /** A request to the run's Elasticsearch; {@code json} null for none. */
  static HttpResponse<String> request(Platform platform, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.elasticsearch().url() + path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
