package org.amicus.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The security every servlet service shares: a stateless OAuth2 resource server that checks
 * Keycloak tokens (issuer, signature, audience, expiry), maps realm roles, and answers 401/403 as
 * problem details. Health, metrics and the OpenAPI document are open, the change feed under {@code
 * /internal/**} is for the indexer only; the service adds its own rules for the rest.
 *
 * <p>The token decoder (Boot's, from the issuer and audience settings) remembers the tokens it has
 * verified until they expire: see {@link CachingJwtDecoder}.
 */
public final class ServletSecurity {

  private static final String[] OPEN = {
    "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/error"
  };

  private ServletSecurity() {}

  public static HttpSecurity resourceServer(
      HttpSecurity http,
      ObjectMapper json,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    return resourceServer(http, json, internal -> {}, rules);
  }

  /**
   * As above, with {@code internal}: rules for paths under {@code /internal/**} that another
   * service account than the indexer calls, matched before the indexer-only rule.
   */
  public static HttpSecurity resourceServer(
      HttpSecurity http,
      ObjectMapper json,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          internal,
      Customizer<
              AuthorizeHttpRequestsConfigurer<HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry>
          rules)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    JwtDecoder decoder =
        new CachingJwtDecoder(
            http.getSharedObject(ApplicationContext.class).getBean(JwtDecoder.class));
    return http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie, nothing to forge
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(OPEN).permitAll();
              internal.customize(auth);
              auth.requestMatchers("/internal/**").hasRole(Role.INDEXER.claim());
              rules.customize(auth);
            })
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.decoder(decoder)
                                .jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden()));
  }
}
