package org.amicus.platform.web;

import java.net.URI;

/** Stable {@code type} URIs of every kind of error Amicus answers with (RFC 9457). */
public final class ProblemTypes {

  public static final URI VALIDATION = kind("validation");
  public static final URI MALFORMED_REQUEST = kind("malformed-request");
  public static final URI UNAUTHENTICATED = kind("unauthenticated");
  public static final URI FORBIDDEN = kind("forbidden");
  public static final URI NOT_FOUND = kind("not-found");
  public static final URI CONFLICT = kind("conflict");
  public static final URI PRECONDITION_FAILED = kind("precondition-failed");
  public static final URI PAYLOAD_TOO_LARGE = kind("payload-too-large");
  public static final URI UNSUPPORTED_MEDIA_TYPE = kind("unsupported-media-type");
  public static final URI INTERNAL = kind("internal");

  private ProblemTypes() {}

  /** The type for an error raised by the framework rather than by Amicus code. */
  public static URI of(org.springframework.http.HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> MALFORMED_REQUEST;
      case UNAUTHORIZED -> UNAUTHENTICATED;
      case FORBIDDEN -> FORBIDDEN;
      case NOT_FOUND, METHOD_NOT_ALLOWED -> NOT_FOUND;
      case CONFLICT -> CONFLICT;
      case PRECONDITION_FAILED, PRECONDITION_REQUIRED -> PRECONDITION_FAILED;
      case PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> UNSUPPORTED_MEDIA_TYPE;
      default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL;
    };
  }

  private static URI kind(String kind) {
    return URI.create("urn:amicus:problem:" + kind);
  }
}
