package org.amicus.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own errors as {@code application/problem+json}, like every service does, so
 * clients see one error format whether the gateway or a service refused them.
 */
public final class Problems {

  /** A service is down or its circuit is open, or Keycloak's keys cannot be fetched. */
  public static final URI SERVICE_UNAVAILABLE =
      URI.create("urn:amicus:problem:service-unavailable");

  /** Too many requests from one user (or one address, for anonymous requests). */
  public static final URI TOO_MANY_REQUESTS = URI.create("urn:amicus:problem:too-many-requests");

  private Problems() {}

  public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
    return write(exchange, status, ProblemTypes.of(status));
  }

  public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.getHeaders().set("WWW-Authenticate", "Bearer");
    }
    String body =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d}"
            .formatted(type, status.getReasonPhrase(), status.value());
    return response.writeWith(
        Mono.fromSupplier(
            () -> response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
  }
}
