package io.sigill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Camunda's webapps in a real browser, entered through Sigill's one sign-in. */
class TasklistBrowserTests extends BrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void securityUserSignsInOnceAndSeesTheSecurityFilterInTasklist() {
    signIn("/camunda/app/tasklist/default/", "security");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Security tasks"));
    Chromium.screenshot(browser, "tasklist-security");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Compliance tasks");
  }

  @Test
  void loggingOutInTasklistEndsTheSigillSessionToo() {
    signIn("/camunda/app/tasklist/default/", "security");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("security"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Log out"))).click();
    wait.until(d -> d.getCurrentUrl().contains("/login") || !d.findElements(By.cssSelector("form[name='signinForm'], .signin-form, input#inputUsername")).isEmpty());

    browser.get(url("/camunda/app/tasklist/default/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getTitle()).contains("Sign in");
    browser.get(url("/"));
    assertThat(browser.findElement(By.tagName("header")).getText()).doesNotContain("security").contains("Sign in");
  }

  @Test
  void securityUserOpensAReportedIncidentsTriageFormAndSenderDoesNotSeeIt() {
    String incidentId = reportIncident();
    signIn("/camunda/app/tasklist/default/", "security");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Security tasks"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Triage incident"))).click();
    // The Camunda Form (form-js) renders the triage fields.
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Severity"));
    } finally {
      Chromium.screenshot(browser, "tasklist-triage-form");
    }
    // The read-only field shows which incident this is (set by form-js as the input's value).
    wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field input")).stream()
        .anyMatch(input -> incidentId.equals(input.getDomProperty("value"))));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Personal data of customers is affected", "Summary");

    browser.manage().deleteAllCookies();
    signIn("/camunda/app/tasklist/default/", "sender");
    // Senders have no Tasklist access: a readable refusal, not Camunda's app and not a stack trace.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You do not have access to this page"));
    Chromium.screenshot(browser, "tasklist-sender");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Triage incident");
  }

  private String reportIncident() {
    var body = java.util.Map.of("title", "Laptop stolen", "description", "A laptop with customer exports was stolen.",
        "reporterEmail", "reporter@example.org");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> created = rest.postForObject("/api/incidents", body, java.util.Map.class);
    String id = (String) created.get("id");
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    managementService.createJobQuery().processInstanceId(instanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    return id;
  }

  void signIn(String target, String user) {
    browser.get(url(target));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
  }
}
