package io.sigill.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (nothing is downloaded). Browser
 * tests run where both exist; on CI their absence fails the build instead of skipping.
 */
public final class Chromium implements ExecutionCondition {

  static final File BROWSER = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (BROWSER.canExecute() && DRIVER.canExecute()) {
      return ConditionEvaluationResult.enabled("Chromium found");
    }
    String reason = "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(reason + "; on CI they must run");
    }
    System.err.println("SKIPPED browser tests: " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /** A fresh headless browser with its own profile directory; quit it after the test. */
  public static WebDriver start() {
    try {
      Path profile = Files.createTempDirectory("sigill-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--no-first-run",
          "--disable-sync", "--disable-quic", "--window-size=1400,1000", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
      WebDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile directory", e);
    }
  }

  /** Saves a screenshot under target/screenshots for a person to look at. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot save screenshot " + name, e);
    }
  }
}
