package org.amicus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser at HTTP level: keeps cookies per host like a browser on {@code 127.0.0.1} does (it
 * sends Keycloak's {@code Secure} cookies over plain http, as browsers do for loopback addresses)
 * and follows redirects by hand so every hop can be inspected.
 */
public final class Browser {

  /**
   * HTTP/1.1 as a browser speaks it over plain http (no h2c upgrade attempts), keeping its
   * connections alive and sending the next request on them at once, as browsers do: the case
   * Reactor Netty 1.2.18 lost requests in (KeptAliveConnectionTest).
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Cookie name to value and path; one host (127.0.0.1) serves both the gateway and Keycloak. */
  private final Map<String, String[]> cookies = new LinkedHashMap<>();

  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  /** Every response seen, to check that no token ever reached the browser. */
  public final List<HttpResponse<String>> seen = new ArrayList<>();

  public HttpResponse<String> get(String url, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  public HttpResponse<String> get(String url) {
    return get(url, Map.of());
  }

  public HttpResponse<String> post(
      String url, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  /**
   * Posts a body of {@code size} bytes without announcing its length: HTTP/1.1 chunked transfer
   * encoding, as a client streaming an upload of unknown size sends it.
   */
  public HttpResponse<String> postChunked(String url, int size, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(new byte[size])));
    headers.forEach(request::header);
    return send(request);
  }

  /**
   * Fills in Keycloak's login form on this page, user name and password in one step, and posts it
   * to the form's action; returns Keycloak's answer.
   */
  public HttpResponse<String> submitLogin(
      HttpResponse<String> loginPage, String username, String password) {
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher form = LOGIN_FORM.matcher(loginPage.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    Matcher action = ACTION.matcher(form.group());
    assertThat(action.find()).as("the login form's action").isTrue();
    return post(
        action.group(1).replace("&amp;", "&"),
        "application/x-www-form-urlencoded",
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&credentialId=",
        Map.of());
  }

  /**
   * Signs in through the gateway at {@code base} as a person does (the demo user's password at
   * Keycloak's form); returns the gateway's session cookie.
   */
  public String signIn(String base, String username) {
    HttpResponse<String> loginPage = follow(get(base + "/oauth2/authorization/keycloak"));
    String password = RealDependencies.keycloak().password(username);
    HttpResponse<String> posted = submitLogin(loginPage, username, password);
    assertThat(posted.headers().firstValue("Location").orElseThrow())
        .startsWith(base + "/login/oauth2/code/keycloak");
    HttpResponse<String> landed = follow(posted);
    assertThat(landed.uri().toString()).startsWith(base);
    assertThat(landed.statusCode()).isEqualTo(200);
    return cookie("SESSION");
  }

  /** Follows redirects from this response until a page that is not a redirect. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    for (int hop = 0; hop < 15 && isRedirect(response); hop++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = get(next.toString());
    }
    return response;
  }

  public static boolean isRedirect(HttpResponse<String> response) {
    return response.statusCode() >= 300
        && response.statusCode() < 400
        && response.headers().firstValue("Location").isPresent();
  }

  public String cookie(String name) {
    String[] cookie = cookies.get(name);
    return cookie == null ? null : cookie[0];
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    URI uri = request.build().uri();
    String header =
        cookies.entrySet().stream()
            .filter(c -> uri.getPath().startsWith(c.getValue()[1]))
            .map(c -> c.getKey() + "=" + c.getValue()[0])
            .collect(Collectors.joining("; "));
    if (!header.isEmpty()) {
      request.header("Cookie", header);
    }
    // a request that hangs fails its test, rather than the whole build's time limit
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(this::store);
      seen.add(response);
      return response;
    } catch (IOException e) {
      if (e instanceof HttpTimeoutException) {
        // A hang is found faster with what every thread (the gateway's among them) was doing.
        System.out.println("Timed out waiting for " + uri + "; threads at that moment:");
        Thread.getAllStackTraces()
            .forEach(
                (thread, stack) -> {
                  System.out.println("\"" + thread.getName() + "\" " + thread.getState());
                  Arrays.stream(stack).forEach(frame -> System.out.println("    at " + frame));
                });
      }
      throw new IllegalStateException("No answer from " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void store(String setCookie) {
    String[] parts = setCookie.split(";");
    String[] nameValue = parts[0].trim().split("=", 2);
    String path = "/";
    boolean expired = nameValue.length < 2 || nameValue[1].isEmpty();
    for (int i = 1; i < parts.length; i++) {
      String[] attribute = parts[i].trim().split("=", 2);
      if (attribute[0].equalsIgnoreCase("Path") && attribute.length == 2) {
        path = attribute[1];
      }
      if (attribute[0].equalsIgnoreCase("Max-Age") && attribute.length == 2) {
        expired |= Long.parseLong(attribute[1]) <= 0;
      }
    }
    if (expired) {
      cookies.remove(nameValue[0]);
    } else {
      cookies.put(nameValue[0], new String[] {nameValue[1], path});
    }
  }
}
