package org.amicus.local;

/** The command line asks for something the launcher does not understand (exit code 2). */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
