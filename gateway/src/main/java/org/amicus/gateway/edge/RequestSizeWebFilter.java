package org.amicus.gateway.edge;

import org.amicus.gateway.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above the configured size with 413 before anything is routed. A body announced
 * with Content-Length is judged by it without reading a byte. A body sent without one (chunked) is
 * read here up to the limit, and only a body within it goes on, with its length now known: the
 * service never sees part of an oversized upload and its circuit breaker never counts the refusal.
 * The price is that such a body is held in memory while it arrives (at most the limit per request);
 * browsers and HTTP clients announce the length of uploads, so chunked uploads are rare.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeWebFilter implements WebFilter {

  private final EdgeProperties edge;

  RequestSizeWebFilter(EdgeProperties edge) {
    this.edge = edge;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long max = edge.maxRequestSize().toBytes();
    long length = request.getHeaders().getContentLength();
    if (length > max) {
      return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE);
    }
    if (length < 0 && mayCarryUnannouncedBody(request)) {
      return readWithin(exchange, chain, max);
    }
    return chain.filter(exchange);
  }

  private static boolean mayCarryUnannouncedBody(ServerHttpRequest request) {
    HttpMethod method = request.getMethod();
    return request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)
        || method == HttpMethod.POST
        || method == HttpMethod.PUT
        || method == HttpMethod.PATCH;
  }

  private static Mono<Void> readWithin(ServerWebExchange exchange, WebFilterChain chain, long max) {
    int limit = (int) Math.min(max, Integer.MAX_VALUE - 8);
    return DataBufferUtils.join(exchange.getRequest().getBody(), limit)
        .map(
            joined -> {
              byte[] bytes = new byte[joined.readableByteCount()];
              joined.read(bytes);
              DataBufferUtils.release(joined);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .flatMap(bytes -> chain.filter(withBody(exchange, bytes)))
        .onErrorResume(
            DataBufferLimitException.class,
            e -> Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE));
  }

  /** The request with its body read: Content-Length instead of chunks, the bytes on demand. */
  private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] bytes) {
    ServerHttpRequest announced =
        exchange
            .getRequest()
            .mutate()
            .headers(
                headers -> {
                  headers.remove(HttpHeaders.TRANSFER_ENCODING);
                  headers.setContentLength(bytes.length);
                })
            .build();
    ServerHttpRequest read =
        new ServerHttpRequestDecorator(announced) {
          @Override
          public Flux<DataBuffer> getBody() {
            // Heap buffers, fresh per subscription: nothing pooled to leak if nobody reads it.
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
          }
        };
    return exchange.mutate().request(read).build();
  }
}
