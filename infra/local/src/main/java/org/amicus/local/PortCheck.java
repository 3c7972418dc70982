package org.amicus.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.runtime.Ports;

/**
 * Checks every port of a run before anything starts, so that a taken port is reported at once, with
 * the port, the part that wanted it and the option that chooses another, and not minutes later as a
 * component's failure.
 */
final class PortCheck {

  private PortCheck() {}

  /** Fails with every problem at once, one per line. */
  static void requireUsable(LaunchOptions options) {
    List<String> problems = problems(options);
    if (!problems.isEmpty()) {
      throw new LaunchException(String.join(System.lineSeparator(), problems));
    }
  }

  static List<String> problems(LaunchOptions options) {
    Map<Integer, String> wanted = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Part part : options.parts()) {
      claim(wanted, problems, options.port(part), part.title(), part.portOption());
      if (part == Part.GATEWAY) {
        claim(
            wanted,
            problems,
            options.managementPort(Part.GATEWAY),
            "the gateway's management port (health, metrics)",
            Part.GATEWAY.portOption()
                + " (management listens on the gateway port + "
                + Part.MANAGEMENT_OFFSET
                + ")");
      }
      if (part == Part.SMTP) {
        claim(
            wanted,
            problems,
            options.imapPort(),
            "IMAP (reading the mail sent to the SMTP server)",
            Part.SMTP.portOption() + " (IMAP listens on the SMTP port + " + Part.IMAP_OFFSET + ")");
      }
    }
    return problems;
  }

  private static void claim(
      Map<Integer, String> wanted, List<String> problems, int port, String what, String option) {
    String other = wanted.putIfAbsent(port, what);
    if (other != null) {
      problems.add(
          "Port %d is chosen for both %s and %s. Choose another with %s."
              .formatted(port, other, what, option));
      return;
    }
    try {
      Ports.requireFree(port, what, option); // the testkit's wording: tests and runs say the same
    } catch (IllegalStateException taken) {
      problems.add(taken.getMessage());
    }
  }
}
