package org.amicus.gateway;

import java.net.URI;
import org.amicus.gateway.login.LoginProperties;
import org.amicus.platform.security.CallerAuthenticationConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  static final String LOGIN_START = "/oauth2/authorization/keycloak";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * One chain, two ways in. API clients send a Bearer token (checked here before routing, and again
   * by the service); browsers carry only the session cookie of the backend-for-frontend login and
   * the gateway relays their access token. A request with an Authorization header is judged by its
   * token alone; without one, by its session. API calls without either get 401 problem details; a
   * browser navigating to the UI is sent to Keycloak.
   */
  @Bean
  SecurityWebFilterChain security(
      ServerHttpSecurity http,
      ServerOAuth2AuthorizationRequestResolver authorizationRequests,
      ServerLogoutSuccessHandler logoutSuccess,
      LoginProperties login) {
    ServerAuthenticationEntryPoint api =
        (exchange, ex) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED);
    var entryPoint =
        new DelegatingServerAuthenticationEntryPoint(
            new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**"), api),
            new DelegateEntry(bearer(), api));
    entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_START));

    var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookieCustomizer(
        cookie -> cookie.secure(login.secureCookies()).sameSite("Lax").path("/"));

    return http.authorizeExchange(
            auth ->
                auth.pathMatchers("/internal/**", "/fallback/**")
                    .denyAll()
                    // The Actuator is served on the management port only (ManagementPortCheck);
                    // on the public port nothing answers there, to anyone: 404.
                    .pathMatchers(
                        "/actuator",
                        "/actuator/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/login",
                        "/favicon.ico")
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .oauth2Login(
            oauth ->
                oauth
                    .loginPage("/login")
                    .authorizationRequestResolver(authorizationRequests)
                    // A failed login (state mismatch, refused consent) ends here, not in a loop.
                    .authenticationFailureHandler(
                        (filterExchange, ex) ->
                            Problems.write(filterExchange.getExchange(), HttpStatus.UNAUTHORIZED)))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                    new CallerAuthenticationConverter())))
                    .authenticationEntryPoint(api)
                    .authenticationFailureHandler(bearerFailure(api)))
        // Keycloak tells the gateway when a person's Keycloak session ends (sign-out elsewhere, an
        // admin cutting them off): OIDC back-channel logout to
        // /logout/connect/back-channel/keycloak, which ends every gateway session of that
        // Keycloak session at once (docs/security.md, "Cut someone off").
        .oidcLogout(oidc -> oidc.backChannel(Customizer.withDefaults()))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    // Ends the whole session, the tokens held in it included, not only its login.
                    .logoutHandler(
                        new DelegatingServerLogoutHandler(
                            new SecurityContextServerLogoutHandler(), invalidateSession()))
                    .logoutSuccessHandler(logoutSuccess))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    // The UI's JavaScript reads the XSRF-TOKEN cookie and sends X-XSRF-TOKEN as is.
                    .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                    // Bearer requests carry no ambient credential, so cross-site forgery is moot.
                    .requireCsrfProtectionMatcher(
                        new AndServerWebExchangeMatcher(
                            CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                            new NegatedServerWebExchangeMatcher(bearer()))))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(contentSecurityPolicy(login.issuerUri())))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(frame -> frame.mode(Mode.DENY)))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(
                        (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN)))
        .build();
  }

  /** Drops the gateway's session with everything in it (the person's tokens). */
  private static ServerLogoutHandler invalidateSession() {
    return (exchange, authentication) ->
        exchange.getExchange().getSession().flatMap(WebSession::invalidate);
  }

  /**
   * The policy, with Keycloak's origin added to {@code form-action}: the UI signs out with a form
   * POST to /logout, which redirects to Keycloak's logout endpoint, and browsers check a form's
   * redirects against {@code form-action} too (Chromium blocks the sign-out otherwise).
   */
  static String contentSecurityPolicy(String issuerUri) {
    URI issuer = URI.create(issuerUri);
    String origin = issuer.getScheme() + "://" + issuer.getAuthority();
    return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
  }

  /**
   * A refused token is 401. When the token could not be checked at all, because Keycloak's keys
   * could not be fetched, the fault is ours, not the caller's: 503 with Retry-After, like a stopped
   * service, instead of Spring's default (the exception escapes and becomes a 500).
   */
  static ServerAuthenticationFailureHandler bearerFailure(ServerAuthenticationEntryPoint refused) {
    return (filterExchange, ex) -> {
      if (ex instanceof AuthenticationServiceException) {
        log.warn("Bearer token not checked, Keycloak's keys unavailable: {}", rootCause(ex));
        ServerWebExchange exchange = filterExchange.getExchange();
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.write(
            exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE);
      }
      return refused.commence(filterExchange.getExchange(), ex);
    };
  }

  /** The innermost exception's type, enough to tell a refused connection from a bad answer. */
  private static String rootCause(Throwable ex) {
    Throwable cause = ex;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  /** Requests that present a Bearer token. */
  static ServerWebExchangeMatcher bearer() {
    return exchange -> {
      String authorization = exchange.getRequest().getHeaders().getFirst("Authorization");
      return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          ? ServerWebExchangeMatcher.MatchResult.match()
          : ServerWebExchangeMatcher.MatchResult.notMatch();
    };
  }

  /**
   * Spring Security creates the CSRF token lazily; subscribing to it on every request makes sure
   * the XSRF-TOKEN cookie reaches the UI before its first state-changing call.
   */
  @Bean
  WebFilter csrfCookie() {
    return (exchange, chain) -> {
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      return (token == null ? Mono.empty() : token).then(chain.filter(exchange));
    };
  }
}
