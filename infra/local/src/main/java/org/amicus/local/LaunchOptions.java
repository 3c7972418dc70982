package org.amicus.local;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./amicus up} was asked for: a port per part and which parts to run.
 *
 * @param ports the port of every part, defaults from docs/architecture.md ("Ports") unless chosen
 * @param parts the parts to run; an application brings the dependencies it needs
 */
record LaunchOptions(Map<Part, Integer> ports, Set<Part> parts) {

  LaunchOptions {
    ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    parts = Collections.unmodifiableSet(EnumSet.copyOf(parts));
  }

  static LaunchOptions defaults() {
    return parse(List.of());
  }

  /** Accepts {@code --gateway-port 9080} and {@code --gateway-port=9080}, and {@code --only}. */
  static LaunchOptions parse(List<String> args) {
    Map<Part, Integer> ports = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      ports.put(part, part.defaultPort());
    }
    Set<Part> only = EnumSet.noneOf(Part.class);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        value = null;
      }
      if (name.equals("--only")) {
        only.addAll(parts(name, value));
        continue;
      }
      Part part = portOption(name);
      ports.put(part, port(name, value));
    }
    Set<Part> parts = only.isEmpty() ? EnumSet.allOf(Part.class) : withNeeds(only);
    return new LaunchOptions(ports, parts);
  }

  int port(Part part) {
    return ports.get(part);
  }

  /**
   * Where an application's Actuator (readiness, metrics) answers: the gateway's on its own
   * management port ({@link Part#MANAGEMENT_OFFSET}), the services' on their port.
   */
  int managementPort(Part application) {
    return application == Part.GATEWAY
        ? port(Part.GATEWAY) + Part.MANAGEMENT_OFFSET
        : port(application);
  }

  int imapPort() {
    return port(Part.SMTP) + Part.IMAP_OFFSET;
  }

  /** The address users open: what the gateway serves and Keycloak redirects back to. */
  String publicUrl() {
    return "http://localhost:" + port(Part.GATEWAY);
  }

  boolean runs(Part part) {
    return parts.contains(part);
  }

  private static Part portOption(String name) {
    for (Part part : Part.values()) {
      if (part.portOption().equals(name)) {
        return part;
      }
    }
    throw new UsageException("Unknown option " + name + ". See ./amicus help.");
  }

  private static int port(String option, String value) {
    if (value == null) {
      throw new UsageException(option + " needs a port number, e.g. " + option + " 9080.");
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        option + " needs a port number between 1 and 65535, not \"" + value + "\".");
  }

  private static Set<Part> parts(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new UsageException(
          option + " needs a list of parts, e.g. " + option + " postgres,smtp.");
    }
    Set<Part> parts = EnumSet.noneOf(Part.class);
    for (String id : value.split(",")) {
      parts.add(
          Part.byId(id.trim())
              .orElseThrow(
                  () ->
                      new UsageException(
                          "Unknown part \"%s\" in %s. Known: %s."
                              .formatted(
                                  id.trim(),
                                  option,
                                  String.join(
                                      ", ",
                                      Arrays.stream(Part.values()).map(Part::id).toList())))));
    }
    return parts;
  }

  private static Set<Part> withNeeds(Set<Part> chosen) {
    Set<Part> parts = EnumSet.copyOf(chosen);
    chosen.forEach(part -> parts.addAll(part.needs()));
    return parts;
  }
}
