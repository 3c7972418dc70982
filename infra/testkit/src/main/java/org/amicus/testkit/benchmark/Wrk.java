package org.amicus.testkit.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator {@code wrk} (Debian's package) run as a process of its own against a URL, so
 * the client's work is not on the service's JVM, and its figures read back from its output.
 */
public record Wrk(
    long requests, long errors, double perSecond, double p50Millis, double p99Millis) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  public static boolean installed() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor()
          >= 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code wrk -t<threads> -c<connections> -d<seconds>s --latency} with a bearer token. */
  public static Wrk run(String url, String token, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    return run(command(url, token, threads, connections, seconds));
  }

  /**
   * The same with every request a {@code POST} of this JSON body (a Lua script of wrk's, written to
   * a temporary file).
   */
  public static Wrk post(
      String url, String token, String json, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("wrk-post", ".lua");
    try {
      Files.writeString(
          script,
          """
          wrk.method = "POST"
          wrk.headers["Content-Type"] = "application/json"
          wrk.body = [==[%s]==]
          """
              .formatted(json),
          StandardCharsets.UTF_8);
      List<String> command = command(url, token, threads, connections, seconds);
      command.addAll(command.size() - 1, List.of("-s", script.toString()));
      return run(command);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static List<String> command(
      String url, String token, int threads, int connections, int seconds) {
    return new ArrayList<>(
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "-H",
            "Authorization: Bearer " + token,
            url));
  }

  private static Wrk run(List<String> command) throws IOException, InterruptedException {
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return parse(output);
  }

  public static Wrk parse(String output) {
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Wrk(
        Long.parseLong(find(COUNT, output)),
        errors,
        Double.parseDouble(find(RATE, output)),
        percentile(output, "50%"),
        percentile(output, "99%"));
  }

  /** wrk prints latencies with a unit: 850.00us, 12.34ms, 1.20s. */
  private static double percentile(String output, String which) {
    Matcher m =
        Pattern.compile(
                "^\\s*" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no " + which + " latency: " + output);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static String find(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected wrk output: " + output);
    }
    return m.group(1);
  }

  /** A row of a Markdown table: what, requests, errors, per second, p50 ms, p99 ms. */
  public String row(String what) {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %d | %.0f | %.1f | %.1f |",
        what,
        requests,
        errors,
        perSecond,
        p50Millis,
        p99Millis);
  }
}
