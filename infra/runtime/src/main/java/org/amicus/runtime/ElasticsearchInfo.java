package org.amicus.runtime;

import java.util.Map;

/** A running Elasticsearch node, reached over HTTP. */
public record ElasticsearchInfo(String url) {

  /** From the component's state, as {@link Supervisors#ensure} returns it. */
  public ElasticsearchInfo(Map<String, String> state) {
    this(state.get("url"));
  }
}
