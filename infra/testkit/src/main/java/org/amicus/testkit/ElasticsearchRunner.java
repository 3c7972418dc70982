package org.amicus.testkit;

import java.util.Map;

/** Placeholder until the Elasticsearch runner lands. */
final class ElasticsearchRunner implements Runner {

  @Override
  public Map<String, String> start(RunSpec spec) {
    throw new UnsupportedOperationException("Elasticsearch runner not written yet");
  }

  @Override
  public void stop() {}
}
