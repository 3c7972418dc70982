package org.amicus.local;

/** A run cannot go on; the message tells the user why and what to do (exit code 1). */
final class LaunchException extends RuntimeException {

  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
