package org.amicus.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** A REST client of one base address acting as one caller (a Bearer token), as scripts would. */
public final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Access tokens live 5 minutes; a fault test can outlast that, so renew well before. */
  private static final Duration TOKEN_AGE = Duration.ofMinutes(2);

  private final String base;
  private final Supplier<String> tokens;
  private String token;
  private long fetchedAt;

  /** A caller without a token. */
  public static Api anonymous(String base) {
    return new Api(base, (String) null);
  }

  /** A caller with this one token (null: anonymous). */
  public Api(String base, String token) {
    this.base = base;
    this.tokens = null;
    this.token = token;
  }

  /** A caller whose token is fetched again from {@code tokens} when it gets old. */
  public Api(String base, Supplier<String> tokens) {
    this.base = base;
    this.tokens = tokens;
  }

  private synchronized String token() {
    if (tokens != null && (token == null || System.nanoTime() - fetchedAt > TOKEN_AGE.toNanos())) {
      token = tokens.get();
      fetchedAt = System.nanoTime();
    }
    return token;
  }

  /** An answer: status, headers and body. */
  public record Reply(int status, HttpResponse<String> response) {

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Not JSON (HTTP %d): %s".formatted(status, response.body()), e);
      }
    }

    @Override
    public String toString() {
      return "HTTP %d %s %s: %s"
          .formatted(
              status, response.request().method(), response.request().uri(), response.body());
    }
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  public Reply put(String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", "application/json").PUT(json(body));
    headers.forEach(request::header);
    return send(request);
  }

  /** Any method, any raw body and content type: for the bad-input properties. */
  public Reply raw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request =
        request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A binary answer (a document) as sent: status and bytes. */
  public HttpResponse<byte[]> bytes(String path) {
    try {
      return HTTP.send(
          request(path).setHeader("Accept", "*/*").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    String bearer = token();
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(
          body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
