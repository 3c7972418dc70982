package org.amicus.gateway;

import org.amicus.platform.security.CallerAuthenticationConverter;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * API calls need a valid Keycloak token (the gateway checks it before routing, and the service
   * checks it again); the web UI's static files and health are open.
   */
  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .authorizeExchange(
            auth ->
                auth.pathMatchers("/api/**")
                    .authenticated()
                    .pathMatchers("/internal/**")
                    .denyAll()
                    .anyExchange()
                    .permitAll())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                    new CallerAuthenticationConverter())))
                    .authenticationEntryPoint(
                        (exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED))
                    .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN)))
        .build();
  }

  static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status) {
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.getHeaders().set("WWW-Authenticate", "Bearer");
    }
    String body =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d}"
            .formatted(ProblemTypes.of(status), status.getReasonPhrase(), status.value());
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes());
    return response.writeWith(Mono.just(buffer));
  }
}
