package org.amicus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amicus.runtime.KeycloakInfo;
import org.amicus.testkit.Browser;
import org.amicus.testkit.RealDependencies;
import org.amicus.testkit.SpringProperties;
import org.amicus.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as compose runs it behind a TLS reverse proxy (here the test itself, on 127.0.0.1, is
 * that proxy): cookies Secure, HSTS, and the client's address taken from the proxy's
 * X-Forwarded-For only, handed to the services as the one X-Forwarded-For entry that
 * cases-service's audit trail records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBehindProxyTest {

  private static final StandInService CASES = new StandInService();

  @DynamicPropertySource
  static void behindTheProxy(DynamicPropertyRegistry registry) {
    KeycloakInfo keycloak = RealDependencies.keycloak();
    SpringProperties.of(keycloak).forEach((key, value) -> registry.add(key, () -> value));
    registry.add("amicus.gateway.login.issuer-uri", keycloak::issuer);
    registry.add("amicus.gateway.login.client-secret", () -> keycloak.clientSecret("gateway"));
    registry.add("amicus.gateway.login.secure-cookies", () -> "true");
    registry.add("amicus.gateway.edge.trusted-proxies", () -> "127.0.0.1/32");
    registry.add("AMICUS_CASES_URL", CASES::url);
  }

  @LocalServerPort int port;

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void theServiceGetsTheClientAddressTheProxyAddedNotOneTheClientMadeUp() {
    String token = Tokens.accessToken(RealDependencies.keycloak(), "marco");

    HttpResponse<String> response =
        new Browser()
            .get(
                base() + "/api/cases/7",
                Map.of(
                    "Authorization", "Bearer " + token,
                    // the client claimed 198.51.100.1; the proxy appended what it saw
                    "X-Forwarded-For", "198.51.100.1, 203.0.113.7",
                    "X-Forwarded-Proto", "https"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(CASES.lastHeaders().get("X-Forwarded-For")).containsExactly("203.0.113.7");
  }

  @Test
  void sessionAndCsrfCookiesAreSecureAndEveryResponseCarriesHsts() {
    Browser browser = new Browser();

    HttpResponse<String> login = browser.get(base() + "/oauth2/authorization/keycloak");
    HttpResponse<String> page = browser.get(base() + "/login");
    List<String> cookies = new ArrayList<>(login.headers().allValues("Set-Cookie"));
    cookies.addAll(page.headers().allValues("Set-Cookie"));

    assertThat(cookies)
        .filteredOn(cookie -> cookie.startsWith("SESSION=") || cookie.startsWith("XSRF-TOKEN="))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    assertThat(login.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
    assertThat(browser.get(base() + "/api/cases").headers().firstValue("Strict-Transport-Security"))
        .isPresent();
  }
}
