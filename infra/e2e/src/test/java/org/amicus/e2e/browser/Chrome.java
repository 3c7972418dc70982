package org.amicus.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.amicus.e2e.Platform;
import org.amicus.runtime.KeycloakInfo;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium on the web UI: signs in through Keycloak's own login page, waits
 * for screens, and keeps a full-page screenshot of each step under {@code target/screenshots}.
 */
final class Chrome implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("amicus.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("amicus.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int WIDTH = 1366;

  private final ChromeDriver driver;
  private final String baseUrl;
  private final KeycloakInfo keycloak;
  private final WebDriverWait wait;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * A browser on the running platform's gateway; skips the calling test class, saying why, on a
   * machine without headless Chromium, before the platform starts.
   */
  static Chrome onThePlatform() {
    Assumptions.assumeTrue(
        available(),
        "Browser tests skipped: no headless Chromium at "
            + CHROMIUM
            + " with chromedriver at "
            + CHROMEDRIVER
            + " (Debian: apt-get install chromium chromium-driver; or set -Damicus.chromium"
            + " and -Damicus.chromedriver)");
    Platform platform = Platform.get();
    return new Chrome(platform.gatewayUrl(), platform.keycloak());
  }

  private Chrome(String baseUrl, KeycloakInfo keycloak) {
    this.baseUrl = baseUrl;
    this.keycloak = keycloak;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--lang=en-GB",
        "--window-size=" + WIDTH + ",900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Signs a demo user in with the password the platform's Keycloak was given. */
  void signInAs(String username) {
    signIn(username, keycloak.password(username));
  }

  /** Signs the current user out (gateway and Keycloak sessions), back at Keycloak's login. */
  void signOut() {
    click("#sign-out");
    waitFor("#username");
  }

  /** Keycloak's login form, in one step or identity-first (user name, then password). */
  private void signIn(String username, String password) {
    driver.get(baseUrl + "/");
    WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    user.clear();
    user.sendKeys(username);
    if (driver.findElements(By.id("password")).stream().noneMatch(WebElement::isDisplayed)) {
      driver.findElement(By.id("kc-login")).click();
    }
    wait.until(ExpectedConditions.elementToBeClickable(By.id("password"))).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
    try {
      new WebDriverWait(driver, Duration.ofSeconds(90))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready]")));
    } catch (TimeoutException e) {
      throw new AssertionError(
          username
              + " is not signed in after 90 s; the browser is at "
              + driver.getCurrentUrl()
              + " showing: "
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** Opens a screen by its fragment, e.g. {@code /cases/new}, and waits until it has rendered. */
  void open(String path) {
    String url = baseUrl + "/#" + path;
    if (url.equals(driver.getCurrentUrl())) {
      // The same address is no navigation at all: pass by the dashboard to load the screen afresh.
      driver.get(baseUrl + "/#/");
      waitFor("#view[data-rendered='/'] h1");
    }
    driver.get(url);
    waitFor("#view[data-rendered='" + path + "'] h1");
  }

  WebElement waitFor(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void type(String css, String text) {
    WebElement element = waitFor(css);
    element.clear();
    element.sendKeys(text);
  }

  /** Keys pressed in a field, after what it holds (Enter, Escape, more letters). */
  void press(String css, CharSequence... keys) {
    waitFor(css).sendKeys(keys);
  }

  /** Whether an element is on display (present, not hidden). */
  boolean shows(String css) {
    return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
  }

  void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  /** Sets a control's value as the user's choice would (dates and selects vary with the locale). */
  void choose(String css, String value) {
    WebElement element = waitFor(css);
    script(
        "arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        element,
        value);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String text(String css) {
    return waitFor(css).getText();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  WebDriverWait patiently(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** The whole page, not just the window (Chromium's DevTools capture beyond the viewport). */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      Map<String, Object> clip =
          Map.of(
              "x", 0,
              "y", 0,
              "width", ((Number) size.get("width")).doubleValue(),
              "height", Math.min(((Number) size.get("height")).doubleValue(), 8000),
              "scale", 1);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the page logged, for a failure message. */
  String consoleLog() {
    StringBuilder log = new StringBuilder();
    driver.manage().logs().get(LogType.BROWSER).forEach(entry -> log.append(entry).append('\n'));
    return log.toString();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
