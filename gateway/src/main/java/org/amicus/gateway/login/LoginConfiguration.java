package org.amicus.gateway.login;

import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amicus.platform.security.CachingReactiveJwtDecoder;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The backend-for-frontend login: the gateway is Keycloak's confidential {@code gateway} client,
 * keeps the tokens in the server-side session and gives the browser only a session cookie.
 *
 * <p>The provider's endpoints are written out rather than discovered: the browser must be sent to
 * the PUBLIC issuer, while the gateway's own calls (token, keys, user info) may have to go to an
 * internal address (containers).
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

  static final String REGISTRATION = "keycloak";

  /** The one client of every call the gateway makes to Keycloak ({@link #keycloakClient}). */
  private final WebClient toKeycloak;

  LoginConfiguration(LoginProperties login) {
    this.toKeycloak = keycloakClient(login);
  }

  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(LoginProperties login) {
    String oidc = "/protocol/openid-connect";
    String internal = login.internalBase();
    ClientRegistration keycloak =
        ClientRegistration.withRegistrationId(REGISTRATION)
            .clientId(login.clientId())
            .clientSecret(login.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile", "email")
            .issuerUri(login.issuerUri())
            .authorizationUri(login.issuerUri() + oidc + "/auth")
            .tokenUri(internal + oidc + "/token")
            .jwkSetUri(internal + oidc + "/certs")
            .userInfoUri(internal + oidc + "/userinfo")
            .userNameAttributeName("sub")
            // Read by the OIDC logout handler: the browser is sent here to end the Keycloak
            // session.
            .providerConfigurationMetadata(
                Map.of("end_session_endpoint", login.issuerUri() + oidc + "/logout"))
            .clientName("Amicus")
            .build();
    return new InMemoryReactiveClientRegistrationRepository(keycloak);
  }

  /**
   * Authorization code with PKCE (S256), which the realm requires even of this confidential client.
   */
  @Bean
  ServerOAuth2AuthorizationRequestResolver authorizationRequestResolver(
      ReactiveClientRegistrationRepository registrations) {
    var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /**
   * Tokens live in the server-side session, never in a cookie or a page: logging out drops them,
   * and two sessions of one user do not share them. With {@code amicus.gateway.session.store=redis}
   * that session is in Redis, so every gateway instance relays the tokens of a login made at
   * another.
   */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /**
   * The gateway's own calls to Keycloak: connected within 2 s and answered within {@code
   * keycloak-timeout}, else they fail like an unreachable Keycloak does (503 for a Bearer request
   * whose keys cannot be fetched, a failed sign-in, a session that must sign in again) instead of
   * holding the request, and a connection of the gateway, for as long as Keycloak stalls.
   */
  private static WebClient keycloakClient(LoginProperties login) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
            .responseTimeout(login.keycloakTimeout());
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
  }

  /** Exchanges the authorization code for tokens at sign-in (found by the login filter). */
  @Bean
  ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange() {
    var client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
    client.setWebClient(toKeycloak);
    return client;
  }

  /** Reads the signed-in user's profile from Keycloak at sign-in (found by the login filter). */
  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> userInfo() {
    var oauth2 = new DefaultReactiveOAuth2UserService();
    oauth2.setWebClient(toKeycloak);
    var oidc = new OidcReactiveOAuth2UserService();
    oidc.setOauth2UserService(oauth2);
    return oidc;
  }

  /**
   * Checks the ID token at sign-in like Spring's default decoder factory does (Keycloak's keys, the
   * OIDC claims), with the keys fetched by the client above; one decoder per registration.
   */
  @Bean
  ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoders(LoginProperties login) {
    Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
    return registration ->
        decoders.computeIfAbsent(
            registration.getRegistrationId(),
            id -> {
              NimbusReactiveJwtDecoder decoder =
                  NimbusReactiveJwtDecoder.withJwkSetUri(
                          registration.getProviderDetails().getJwkSetUri())
                      .webClient(toKeycloak)
                      .build();
              decoder.setJwtValidator(
                  new DelegatingOAuth2TokenValidator<>(
                      new JwtTimestampValidator(login.clockSkew()),
                      new OidcIdTokenValidator(registration)));
              decoder.setClaimSetConverter(
                  new ClaimTypeConverter(
                      ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
              return decoder;
            });
  }

  /**
   * Hands out the session's access token to TokenRelay and /api/me, refreshing it with the refresh
   * token when it expires within the clock skew, so a relayed token never dies on its way.
   */
  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      LoginProperties login) {
    var refreshes = new WebClientReactiveRefreshTokenTokenResponseClient();
    refreshes.setWebClient(toKeycloak);
    var provider =
        ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken(
                refresh ->
                    refresh.clockSkew(login.clockSkew()).accessTokenResponseClient(refreshes))
            .build();
    var manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(provider);
    return manager;
  }

  /** After the gateway's session ends, the browser also ends its Keycloak session. */
  @Bean
  ServerLogoutSuccessHandler logoutSuccessHandler(
      ReactiveClientRegistrationRepository registrations) {
    var handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}/");
    return handler;
  }

  /**
   * Checks Bearer tokens: Keycloak's signature (keys from the internal address), the public issuer,
   * the {@code amicus-api} audience, the expiry with the configured leeway, and that a person holds
   * the token, not a service account ({@link PeopleOnly}).
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      OAuth2ResourceServerProperties resourceServer, LoginProperties login) {
    var jwt = resourceServer.getJwt();
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).webClient(toKeycloak).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator(login.clockSkew()));
    validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
    validators.add(new PeopleOnly());
    List<String> audiences = jwt.getAudiences();
    validators.add(
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    // Nimbus reports unreachable keys as IllegalStateException, which Spring Security lets escape
    // as a 500. As a JwtException that is no BadJwtException it becomes an
    // AuthenticationServiceException: "could not check", answered 503 by the security chain.
    ReactiveJwtDecoder checked =
        token ->
            decoder
                .decode(token)
                .onErrorMap(
                    IllegalStateException.class,
                    e -> new JwtException("Keycloak's signing keys are unavailable", e));
    // The same token comes with every request of a script: verified once, until it expires.
    return new CachingReactiveJwtDecoder(checked);
  }
}
