package io.sigill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sign-in page in a real browser: login, the session does not open /api, sign-out. */
class LoginPageBrowserTests extends BrowserTest {


  @Test
  void signInShowsTheUserAndABrowserSessionDoesNotAuthenticateTheApi() {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys("security");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("header"), "security"));
    Chromium.screenshot(browser, "home-signed-in");

    // /api is stateless: the session cookie alone must not authenticate it (CSRF cannot ride on it).
    browser.get(url("/api/me"));
    assertThat(browser.getPageSource()).contains("401").doesNotContain("\"userId\"");

    browser.get(url("/"));
    browser.findElement(By.cssSelector("header form button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
    assertThat(browser.getPageSource()).contains("You have been signed out");
  }

  @Test
  void wrongPasswordShowsAReadableErrorOnThePage() {
    browser.get(url("/login"));
    // An unknown user: a wrong password for a real one would trip Camunda's login delay for later tests.
    browser.findElement(By.id("username")).sendKeys("nobody-here");
    browser.findElement(By.id("password")).sendKeys("not-the-password");
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("error"));
    assertThat(browser.findElement(By.cssSelector(".error")).getText()).isEqualTo("Wrong user name or password.");
  }
}
