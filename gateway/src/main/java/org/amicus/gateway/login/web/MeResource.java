package org.amicus.gateway.login.web;

import java.util.List;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.amicus.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "Who am I" for the web UI, answered by the gateway itself from the access token, whether the
 * caller came with a session or with a Bearer token. The token itself is never part of the answer.
 */
@RestController
class MeResource {

  private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
  private final ReactiveJwtDecoder jwtDecoder;

  MeResource(
      ReactiveOAuth2AuthorizedClientManager authorizedClients, ReactiveJwtDecoder jwtDecoder) {
    this.authorizedClients = authorizedClients;
    this.jwtDecoder = jwtDecoder;
  }

  /**
   * @param username the Keycloak user name
   * @param name the display name, when the account has one
   * @param organisation the partner organisation id, e.g. {@code odf}; absent for service accounts
   * @param roles the Amicus roles, e.g. {@code partner}
   */
  record Me(String username, String name, String organisation, List<String> roles) {}

  @GetMapping("/api/me")
  Mono<ResponseEntity<Object>> me(Authentication authentication, ServerWebExchange exchange) {
    return accessToken(authentication, exchange)
        .map(jwt -> ResponseEntity.ok().<Object>body(describe(jwt)))
        .defaultIfEmpty(unauthenticated());
  }

  /** The session outlived its tokens (refresh refused, Keycloak session ended): sign in again. */
  private static ResponseEntity<Object> unauthenticated() {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
    problem.setType(ProblemTypes.UNAUTHENTICATED);
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private Mono<Jwt> accessToken(Authentication authentication, ServerWebExchange exchange) {
    if (authentication instanceof JwtAuthenticationToken bearer) {
      return Mono.just(bearer.getToken());
    }
    if (authentication instanceof OAuth2AuthenticationToken session) {
      var request =
          OAuth2AuthorizeRequest.withClientRegistrationId(
                  session.getAuthorizedClientRegistrationId())
              .principal(session)
              .attribute(ServerWebExchange.class.getName(), exchange)
              .build();
      // Refreshes the session's token when it is about to expire, like TokenRelay does.
      return authorizedClients
          .authorize(request)
          .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()))
          .onErrorResume(e -> Mono.empty());
    }
    return Mono.empty();
  }

  private static Me describe(Jwt jwt) {
    Caller caller = Caller.from(jwt);
    return new Me(
        caller.username(),
        jwt.getClaimAsString("name"),
        caller.organisation().orElse(null),
        caller.roles().stream().map(Role::claim).sorted().toList());
  }
}
