package org.amicus.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import reactor.core.publisher.Mono;

/**
 * Who the client is, and whether it came over TLS, is taken from forwarded headers only when the
 * configured proxy sent them ({@code amicus.gateway.edge.trusted-proxies}); from anyone else they
 * are dropped, so a client cannot claim another address or scheme. Behind the trusted proxy the
 * client is the last X-Forwarded-For entry, the one the proxy itself added (earlier entries are
 * whatever the client sent). The gateway then hands the services exactly that address as
 * X-Forwarded-For, which cases-service's audit trail records (Spring Cloud Gateway's
 * X-Forwarded-For, configured in application.yml), and the rate limiter counts anonymous callers by
 * it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedHeadersWebFilter implements WebFilter {

  private final List<Range> proxies;
  private final ForwardedHeaderTransformer apply = new ForwardedHeaderTransformer();
  private final ForwardedHeaderTransformer strip = new ForwardedHeaderTransformer();

  ForwardedHeadersWebFilter(EdgeProperties edge) {
    this.proxies =
        edge.trustedProxies().stream()
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .map(Range::parse)
            .toList();
    strip.setRemoveOnly(true);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!fromTrustedProxy(request)) {
      return chain.filter(exchange.mutate().request(strip.apply(request)).build());
    }
    InetSocketAddress client = lastForwardedFor(request);
    ServerHttpRequest forwarded = apply.apply(request);
    if (client != null) {
      forwarded = forwarded.mutate().remoteAddress(client).build();
    }
    return chain.filter(exchange.mutate().request(forwarded).build());
  }

  private boolean fromTrustedProxy(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null || remote.getAddress() == null || proxies.isEmpty()) {
      return false;
    }
    byte[] address = remote.getAddress().getAddress();
    return proxies.stream().anyMatch(proxy -> proxy.contains(address));
  }

  /**
   * An address or CIDR range given as IP literals, e.g. {@code 172.18.0.1} or {@code 10.0.0.0/8}.
   */
  record Range(byte[] network, int prefix) {

    static Range parse(String value) {
      String[] parts = value.split("/", 2);
      if (!isIpLiteral(parts[0])) {
        throw new IllegalArgumentException(
            "amicus.gateway.edge.trusted-proxies takes IP addresses or CIDR ranges, not " + value);
      }
      try {
        byte[] network = InetAddress.getByName(parts[0]).getAddress();
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        return new Range(network, prefix);
      } catch (java.net.UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "amicus.gateway.edge.trusted-proxies: not an address or CIDR range: " + value, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  static boolean isIpLiteral(String value) {
    return value.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || value.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  }

  /** The entry the trusted proxy appended; only IP literals, never a name to look up. */
  private static InetSocketAddress lastForwardedFor(ServerHttpRequest request) {
    List<String> values = request.getHeaders().get("X-Forwarded-For");
    if (values == null || values.isEmpty()) {
      return null;
    }
    String[] entries = String.join(",", values).split(",");
    String last = entries[entries.length - 1].trim();
    if (!isIpLiteral(last)) {
      return null;
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(last), 0);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }
}
