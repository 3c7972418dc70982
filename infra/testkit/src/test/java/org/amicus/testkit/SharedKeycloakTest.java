package org.amicus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amicus.runtime.KeycloakInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedKeycloakTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KeycloakInfo keycloak;

  @BeforeAll
  static void startKeycloak() {
    keycloak = RealDependencies.keycloak();
  }

  @Test
  void partnerTokenCarriesOrganisationRolesAndAudience() throws Exception {
    JsonNode claims = claims(Tokens.accessToken(keycloak, "anna"));

    assertThat(claims.path("organisation").asText()).isEqualTo("odf");
    assertThat(values(claims.path("realm_access").path("roles"))).contains("partner");
    assertThat(values(claims.path("aud"))).contains(KeycloakInfo.AUDIENCE);
    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
    assertThat(claims.path("preferred_username").asText()).isEqualTo("anna");
    assertThat(claims.path("sub").asText()).isNotBlank();
  }

  @Test
  void eachPartnerBelongsToTheirOwnOrganisation() throws Exception {
    assertThat(claims(Tokens.accessToken(keycloak, "marco")).path("organisation").asText())
        .isEqualTo("fidu");
    assertThat(claims(Tokens.accessToken(keycloak, "olena")).path("organisation").asText())
        .isEqualTo("kisr");
  }

  @Test
  void coordinatorAndAdminHaveTheirRoles() throws Exception {
    JsonNode clara = claims(Tokens.accessToken(keycloak, "clara"));
    assertThat(values(clara.path("realm_access").path("roles"))).contains("coordinator");
    assertThat(clara.path("organisation").asText()).isEqualTo("odf");

    JsonNode adam = claims(Tokens.accessToken(keycloak, "adam"));
    assertThat(values(adam.path("realm_access").path("roles")))
        .contains("admin")
        .doesNotContain("partner", "coordinator");
  }

  @Test
  void searchIndexerServiceAccountMayOnlyIndex() throws Exception {
    JsonNode claims = claims(Tokens.serviceToken(keycloak, "search-indexer"));

    assertThat(values(claims.path("realm_access").path("roles")))
        .contains("indexer")
        .doesNotContain("partner", "coordinator", "admin", "case-reader");
    assertThat(values(claims.path("aud"))).contains(KeycloakInfo.AUDIENCE);
    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
  }

  @Test
  void workflowServiceAccountMayReadCases() throws Exception {
    JsonNode claims = claims(Tokens.serviceToken(keycloak, "workflow-service"));

    assertThat(values(claims.path("realm_access").path("roles")))
        .contains("case-reader")
        .doesNotContain("partner", "indexer");
    assertThat(values(claims.path("aud"))).contains(KeycloakInfo.AUDIENCE);
  }

  /**
   * A token that would outlive a sign-out or a cut-off is never handed out: asked for
   * offline_access, Keycloak refuses the scope (the people's clients do not offer it).
   */
  @Test
  void noOfflineTokenEvenWhenAskedFor() throws Exception {
    String form =
        "grant_type=password&client_id="
            + KeycloakInfo.CLI_CLIENT
            + "&username=anna&scope="
            + URLEncoder.encode("openid offline_access", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(keycloak.password("anna"), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void wrongCredentialsAreRefused() {
    // Not a demo user: brute-force protection would lock a shared account out of later tests.
    Map<String, String> state = new HashMap<>(keycloak.state());
    state.put("password.mallory", "not-" + keycloak.password("anna"));
    KeycloakInfo withWrongPassword = new KeycloakInfo(state);

    assertThatThrownBy(() -> Tokens.accessToken(withWrongPassword, "mallory"))
        .hasMessageContaining("invalid_grant");
  }

  @Test
  void wrongClientSecretIsRefused() {
    Map<String, String> state = new HashMap<>(keycloak.state());
    state.put("secret.search-indexer", "change-me");
    KeycloakInfo withWrongSecret = new KeycloakInfo(state);

    assertThatThrownBy(() -> Tokens.serviceToken(withWrongSecret, "search-indexer"))
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void gatewayLoginNeedsPkceAndRedirectsOnlyToThePublicUrl() throws Exception {
    String allowed = "http://localhost:8080/login/oauth2/code/keycloak";

    assertThat(authorize(allowed, true).statusCode()).isEqualTo(200);
    assertThat(authorize("http://evil.example/callback", true).statusCode()).isEqualTo(400);
    HttpResponse<String> withoutPkce = authorize(allowed, false);
    assertThat(withoutPkce.statusCode()).isEqualTo(302);
    assertThat(withoutPkce.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("error=invalid_request"));
  }

  private static HttpResponse<String> authorize(String redirectUri, boolean pkce) throws Exception {
    String query =
        "client_id=gateway&response_type=code&scope=openid&state=s1&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
            + (pkce
                ? "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256"
                : "");
    URI uri = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + query);
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The payload of a JWT; its signature is the services' business, not this test's. */
  private static JsonNode claims(String jwt) throws Exception {
    String payload = jwt.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload));
  }

  /** A claim that may be a single string or an array of strings (like {@code aud}). */
  private static List<String> values(JsonNode claim) {
    List<String> values = new ArrayList<>();
    if (claim.isArray()) {
      claim.forEach(value -> values.add(value.asText()));
    } else if (!claim.isMissingNode()) {
      values.add(claim.asText());
    }
    return values;
  }
}
