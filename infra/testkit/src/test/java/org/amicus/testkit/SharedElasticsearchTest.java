package org.amicus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.amicus.runtime.ElasticsearchInfo;
import org.junit.jupiter.api.Test;

class SharedElasticsearchTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Only what a bare node has: the standard tokenizer and analyzer, keyword, lowercase. */
  private static final String MAPPING =
      """
      {
        "settings": {
          "number_of_replicas": 0,
          "analysis": {
            "analyzer": {
              "plain_lower": { "type": "custom", "tokenizer": "standard", "filter": ["lowercase"] }
            },
            "normalizer": {
              "lower": { "type": "custom", "filter": ["lowercase"] }
            }
          }
        },
        "mappings": {
          "properties": {
            "title": { "type": "text", "analyzer": "standard" },
            "summary": { "type": "text", "analyzer": "plain_lower" },
            "mechanism": { "type": "keyword", "normalizer": "lower" }
          }
        }
      }
      """;

  @Test
  void nodeIsRealElasticsearch819AndSharedWithinTheBuild() throws Exception {
    ElasticsearchInfo elasticsearch = RealDependencies.elasticsearch();

    HttpResponse<String> health = send("GET", elasticsearch.url() + "/_cluster/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("X-Elastic-Product")).hasValue("Elasticsearch");
    assertThat(JSON.readTree(health.body()).path("status").asText()).isIn("yellow", "green");

    JsonNode nodes = json(send("GET", elasticsearch.url() + "/_nodes/_local", null));
    assertThat(nodes.path("nodes").elements().next().path("version").asText()).startsWith("8.19.");
    assertThat(RealDependencies.elasticsearch()).isEqualTo(elasticsearch);
  }

  @Test
  void documentIndexedWithRefreshIsFoundBySearch() throws Exception {
    String index = "testkit-check-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    String base = RealDependencies.elasticsearch().url() + "/" + index;

    HttpResponse<String> created = send("PUT", base, MAPPING);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

    HttpResponse<String> indexed =
        send(
            "PUT",
            base + "/_doc/upr-2027-1?refresh=true",
            """
            {
              "title": "Joint UPR submission on freedom of assembly",
              "summary": "Coalition report for the Universal Periodic Review",
              "mechanism": "UPR"
            }
            """);
    assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

    JsonNode result =
        json(
            send(
                "POST",
                base + "/_search",
                """
                {
                  "query": {
                    "bool": {
                      "must": [
                        { "match": { "title": "Submission" } },
                        { "match": { "summary": "PERIODIC review" } }
                      ],
                      "filter": [ { "term": { "mechanism": "upr" } } ]
                    }
                  }
                }
                """));
    assertThat(result.path("hits").path("total").path("value").asInt()).isEqualTo(1);
    JsonNode hit = result.path("hits").path("hits").get(0);
    assertThat(hit.path("_id").asText()).isEqualTo("upr-2027-1");
    assertThat(hit.path("_source").path("mechanism").asText()).isEqualTo("UPR");

    assertThat(send("DELETE", base, null).statusCode()).isEqualTo(200);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
