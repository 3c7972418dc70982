package org.amicus.testkit;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.SpanData;

/** What a span would tell whoever reads the traces, as one text to search for personal data. */
public final class Spans {

  private Spans() {}

  /** The span's name, every attribute's key and value, and its events with theirs. */
  public static String text(SpanData span) {
    StringBuilder all = new StringBuilder(span.getName()).append(' ');
    append(all, span.getAttributes());
    span.getEvents()
        .forEach(event -> append(all.append(event.getName()).append(' '), event.getAttributes()));
    return all.toString();
  }

  private static void append(StringBuilder all, Attributes attributes) {
    attributes.forEach((key, value) -> all.append(key).append('=').append(value).append(' '));
  }
}
