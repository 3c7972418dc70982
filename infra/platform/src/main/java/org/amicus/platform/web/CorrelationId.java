package org.amicus.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that follows one request through the gateway, the services and every log line. */
public final class CorrelationId {

  public static final String HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "correlationId";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private CorrelationId() {}

  /** The caller's id when it is safe to log, otherwise a new one. */
  public static String acceptOrCreate(String fromHeader) {
    return fromHeader != null && SAFE.matcher(fromHeader).matches()
        ? fromHeader
        : UUID.randomUUID().toString();
  }
}
