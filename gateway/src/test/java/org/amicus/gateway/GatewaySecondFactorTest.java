package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.Browser;
import org.amicus.testkit.KeycloakAdmin;
import org.amicus.testkit.RealDependencies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm file's browser flow against the real Keycloak: every staff role, partners
 * included, must give an OTP (and is asked to set one up first); the password alone never reaches
 * the gateway.
 *
 * <p>The shared test Keycloak imports the realm with the local overlay, which switches the staff
 * OTP off for the demo users; so the production file is imported here under a realm name of its
 * own, with the placeholders resolved the way Keycloak resolves them (their default, or a test
 * value), and with two demo users added. Their login runs against Keycloak directly, at HTTP level
 * like a browser, up to the point where Keycloak would send the browser back to the gateway.
 */
class GatewaySecondFactorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");
  private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";

  private static final String REALM = "coalition-otp-" + Long.toHexString(System.nanoTime());
  private static final String PASSWORD = "Otp-test-" + UUID.randomUUID();

  private static KeycloakInfo keycloak;
  private static KeycloakAdmin admin;

  @BeforeAll
  static void importTheProductionRealm() throws Exception {
    keycloak = RealDependencies.keycloak();
    admin = new KeycloakAdmin(keycloak);
    String file =
        read("coalition-realm.json").replace("default-roles-coalition", "default-roles-" + REALM);
    Matcher placeholders = PLACEHOLDER.matcher(file);
    String resolved =
        placeholders.replaceAll(
            m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : "test-" + m.group(1)));
    ObjectNode realm = (ObjectNode) JSON.readTree(resolved);
    realm.put("realm", REALM);
    ArrayNode users = realm.withArray("users");
    String demoUsers =
        read("demo-users.json").replace("default-roles-coalition", "default-roles-" + REALM);
    for (var user : JSON.readTree(demoUsers)) {
      String name = user.get("username").asText();
      if (name.equals("clara") || name.equals("anna")) {
        ObjectNode copy = ((ObjectNode) user).deepCopy();
        copy.putArray("credentials")
            .addObject()
            .put("type", "password")
            .put("value", PASSWORD)
            .put("temporary", false);
        users.add(copy);
      }
    }
    admin.createRealm(realm.toString());
  }

  @AfterAll
  static void dropTheRealm() {
    if (admin != null) {
      admin.deleteRealm(REALM);
    }
  }

  @Test
  void theRealmBindsTheStaffOtpFlowAndKeepsKeycloaksBuiltInFlows() {
    assertThat(admin.flowAliases(REALM))
        .contains("browser with staff OTP", "browser", "direct grant", "clients");
  }

  @Test
  void aCoordinatorIsAskedToSetUpAnOtpBeforeSheIsLetIn() {
    Browser browser = new Browser();
    assertAskedForAnOtp(browser, signIn(browser, "clara"));
  }

  private static void assertAskedForAnOtp(Browser browser, HttpResponse<String> afterPassword) {
    // Keycloak may first redirect to its required-action page; it never sends her to the gateway.
    HttpResponse<String> page = afterPassword;
    for (int hop = 0; hop < 5 && Browser.isRedirect(page); hop++) {
      String location = page.headers().firstValue("Location").orElseThrow();
      assertThat(location).doesNotStartWith(REDIRECT);
      page = browser.get(page.uri().resolve(location).toString());
    }
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"totp\"");
  }

  @Test
  void aPartnerIsAskedToSetUpAnOtpToo() {
    Browser browser = new Browser();
    assertAskedForAnOtp(browser, signIn(browser, "anna"));
  }

  /** Opens Keycloak's login page as the gateway would send a browser there, posts the password. */
  private static HttpResponse<String> signIn(Browser browser, String username) {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String authorize =
        keycloak.url()
            + "/realms/"
            + REALM
            + "/protocol/openid-connect/auth?response_type=code&client_id=gateway&scope=openid"
            + "&state=s&redirect_uri="
            + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
            + "&code_challenge_method=S256&code_challenge="
            + challenge(verifier);
    HttpResponse<String> loginPage = browser.follow(browser.get(authorize));
    return browser.submitLogin(loginPage, username, PASSWORD);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String file) {
    try (InputStream in =
        GatewaySecondFactorTest.class.getResourceAsStream("/org/amicus/keycloak/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
