package org.amicus.platform.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps what people search for and what the services store out of the spans: query strings go off
 * every address (search words are names; the route template stays), and SQL text and parameters off
 * every JDBC observation. Runs on each observation before the tracing handler writes its span.
 */
final class NoPersonalDataInSpans implements ObservationFilter {

  @Override
  public Observation.Context map(Observation.Context context) {
    List<String> dropped = new ArrayList<>();
    List<KeyValue> stripped = new ArrayList<>();
    for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
      String key = keyValue.getKey().toLowerCase(Locale.ROOT);
      if (key.startsWith("jdbc.query")
          || key.startsWith("jdbc.params")
          || key.equals("url.query")) {
        dropped.add(keyValue.getKey());
      } else if (isAddress(key) && keyValue.getValue().indexOf('?') >= 0) {
        stripped.add(KeyValue.of(keyValue.getKey(), withoutQuery(keyValue.getValue())));
      }
    }
    dropped.forEach(context::removeHighCardinalityKeyValue);
    stripped.forEach(context::addHighCardinalityKeyValue);
    for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
      String key = keyValue.getKey().toLowerCase(Locale.ROOT);
      if (isAddress(key) && keyValue.getValue().indexOf('?') >= 0) {
        context.addLowCardinalityKeyValue(
            KeyValue.of(keyValue.getKey(), withoutQuery(keyValue.getValue())));
      }
    }
    return context;
  }

  private static boolean isAddress(String key) {
    return key.contains("url") || key.contains("uri") || key.contains("target");
  }

  static String withoutQuery(String address) {
    int query = address.indexOf('?');
    return query < 0 ? address : address.substring(0, query);
  }
}
