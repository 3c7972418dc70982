package org.amicus.testkit;

import java.util.Map;

/** A running Elasticsearch node, reached over HTTP. */
public record ElasticsearchInfo(String url) {

  ElasticsearchInfo(Map<String, String> state) {
    this(state.get("url"));
  }

  public Map<String, String> springProperties() {
    return Map.of("spring.elasticsearch.uris", url);
  }
}
