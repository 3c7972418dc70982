package org.amicus.gateway.login;

import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The gateway is the way in for people; services call each other directly, never through it. A
 * Bearer token is a person's only when Keycloak issued it in a person's sign-in session, so a
 * service account's token (client credentials) is refused here even though its signature, issuer
 * and audience are right.
 *
 * <p>Keycloak 26 marks a service account's token in three ways, each checked against real tokens
 * (GatewaySecurityTest): it has no {@code sid} (client credentials open no user session), its
 * {@code preferred_username} is {@code service-account-<client>} (a prefix Keycloak reserves for
 * these users), and with the {@code service_account} client scope it carries {@code client_id}. Any
 * one of them refuses the token, so a realm change that drops one marker does not let service
 * accounts in.
 */
final class PeopleOnly implements OAuth2TokenValidator<Jwt> {

  static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

  private static final OAuth2TokenValidatorResult NOT_A_PERSON =
      OAuth2TokenValidatorResult.failure(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_TOKEN,
              "The gateway accepts only tokens of people signed in with Keycloak",
              null));

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    return isPerson(token.getClaims()) ? OAuth2TokenValidatorResult.success() : NOT_A_PERSON;
  }

  static boolean isPerson(Map<String, Object> claims) {
    Object session = claims.get("sid");
    Object username = claims.get("preferred_username");
    boolean inASession = session instanceof String sid && !sid.isBlank();
    boolean serviceAccountName =
        !(username instanceof String name) || name.startsWith(SERVICE_ACCOUNT_PREFIX);
    return inASession && !serviceAccountName && !claims.containsKey("client_id");
  }
}
