package io.sigill.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigill.web.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Two signers in order, each in Chromium: the sender sends over HTTP, each signer opens the
 * emailed link (read from the outbox), sees the pages, consents, types a signature and signs.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SigningBrowserTests {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  WebDriver browser;

  @BeforeEach
  void open() {
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void twoSignersInOrderSignInTheBrowserAndTheRequestCompletes() throws Exception {
    String id = send();
    runJobs(id);

    signInBrowser(link("browser.anna@example.org"), "Anna Example", true);
    runJobs(id);
    signInBrowser(link("browser.ben@example.org"), "Ben Example", false);
    runJobs(id);

    ResponseEntity<String> status = rest.withBasicAuth("sender", "demo")
        .getForEntity("/api/signature-requests/" + id, String.class);
    assertThat(json.readTree(status.getBody()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void senderCreatesARequestInTheWebPagesAndSeesItComplete() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sigill-browser", ".pdf");
    java.nio.file.Files.write(file, SigningFixtures.pdf(2));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/requests/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("sender");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send")));
    browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.name("title")).sendKeys("Web <lease>");
    List<org.openqa.selenium.WebElement> names = browser.findElements(By.name("name"));
    List<org.openqa.selenium.WebElement> emails = browser.findElements(By.name("email"));
    names.get(0).sendKeys("Web Anna");
    emails.get(0).sendKeys("web.anna@example.org");
    names.get(1).sendKeys("Web Ben");
    emails.get(1).sendKeys("web.ben@example.org");
    Chromium.screenshot(browser, "sender-new-request");
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "SENT"));
    String id = browser.getCurrentUrl().replaceAll(".*/requests/", "");
    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Web <lease>");
    String senderWindow = browser.getWindowHandle();

    runJobs(id);
    signInBrowser(link("web.anna@example.org"), "Web Anna", false);
    runJobs(id);
    signInBrowser(link("web.ben@example.org"), "Web Ben", false);
    runJobs(id);

    browser.get("http://localhost:" + port + "/requests/" + id);
    assertThat(browser.getWindowHandle()).isEqualTo(senderWindow);
    // Signing cleared the cookies: sign in again as the sender.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("sender");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "COMPLETED"));
    assertThat(browser.findElements(By.id("download-final"))).hasSize(1);
    Chromium.screenshot(browser, "sender-request-completed");
    java.nio.file.Files.deleteIfExists(file);
  }

  private void signInBrowser(String link, String signature, boolean screenshot) {
    browser.manage().deleteAllCookies();
    browser.get(link);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-button")));
    // Every page image has loaded (naturalWidth > 0) and the signer's field is highlighted on page 1.
    wait.until(d -> d.findElements(By.cssSelector(".page img")).stream()
        .allMatch(img -> !"0".equals(img.getDomProperty("naturalWidth"))));
    assertThat(browser.findElements(By.cssSelector("#page-1 .field.signature"))).hasSize(1);
    browser.findElement(By.id("typed-signature")).sendKeys(signature);
    browser.findElement(By.id("consent")).click();
    if (screenshot) {
      Chromium.screenshot(browser, "signing-page-form");
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
      Chromium.screenshot(browser, "signing-page");
    }
    browser.findElement(By.id("sign-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirmation"), "you have signed"));
    if (screenshot) {
      Chromium.screenshot(browser, "signing-confirmation");
    }
  }

  private String send() throws Exception {
    Map<String, Object> request = Map.of("title", "Browser lease", "message", "Please sign today.",
        "signers", List.of(Map.of("name", "Anna Example", "email", "browser.anna@example.org", "order", 1),
            Map.of("name", "Ben Example", "email", "browser.ben@example.org", "order", 2)),
        "fields", List.of(
            Map.of("type", "signature", "signer", 0, "page", 1, "x", 72, "y", 120, "width", 200, "height", 40),
            Map.of("type", "signature", "signer", 1, "page", 1, "x", 320, "y", 120, "width", 200, "height", 40)));
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(SigningFixtures.pdf(2)) {
      @Override
      public String getFilename() {
        return "lease.pdf";
      }
    }, headers(MediaType.APPLICATION_PDF)));
    parts.add("request", new HttpEntity<>(json.writeValueAsString(request), headers(MediaType.APPLICATION_JSON)));
    ResponseEntity<String> created = rest.withBasicAuth("sender", "demo")
        .postForEntity("/api/signature-requests", new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)),
            String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(created.getBody());
    return body.get("id").asText();
  }

  private static HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return headers;
  }

  /** The emailed link, pointed at this test's port (the mail carries sigill.base-url). */
  private String link(String email) {
    String body = jdbc.queryForObject("select body from outbound_mail where recipient = ?", String.class, email);
    return "http://localhost:" + port + "/sign/" + SigningFixtures.tokenIn(body);
  }

  private void runJobs(String id) {
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    for (int i = 0; i < 20; i++) {
      var jobs = managementService.createJobQuery().processInstanceId(pi).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
