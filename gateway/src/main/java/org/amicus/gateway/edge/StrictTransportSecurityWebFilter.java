package org.amicus.gateway.edge;

import org.amicus.gateway.login.LoginProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Behind TLS (secure cookies on) every response carries HSTS, whether or not the request's own
 * scheme shows https, so browsers never try plain HTTP again for a year. Spring Security adds it
 * only to requests it sees as https, which behind a proxy depends on the proxy being trusted; and
 * it runs before the sign-in redirect and every refusal, which answer without going further.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class StrictTransportSecurityWebFilter implements WebFilter {

  static final String HSTS = "max-age=31536000 ; includeSubDomains";

  private final boolean behindTls;

  StrictTransportSecurityWebFilter(LoginProperties login) {
    this.behindTls = login.secureCookies();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (behindTls) {
      exchange.getResponse().getHeaders().set("Strict-Transport-Security", HSTS);
    }
    return chain.filter(exchange);
  }
}
