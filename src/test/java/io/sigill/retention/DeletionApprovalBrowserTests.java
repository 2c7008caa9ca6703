package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.identity.Members;
import io.sigill.web.BrowserTest;
import io.sigill.web.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Compliance approves a deletion in the real Camunda Tasklist, reading the affected documents in the Camunda Form. */
class DeletionApprovalBrowserTests extends BrowserTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DocumentScopes scopes;
  @Autowired Members members;

  @Test
  void complianceOpensTheDeletionApprovalSeesTheAffectedDocumentsApprovesAndTheDeletionCompletes() throws Exception {
    String requestId = signatureRequest();
    String orgId = members.load("admin").orElseThrow().orgId();
    List<String> documents = scopes.ofRequests(orgId, List.of(requestId)).stream()
        .map(RetainedDocuments.ScopedDocument::documentId).toList();
    ResponseEntity<JsonNode> created = rest.withBasicAuth("admin", "demo").postForEntity("/api/deletion-requests",
        Map.of("scope", "REQUESTS", "requestIds", List.of(requestId)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String deletionId = created.getBody().get("id").asText();
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(deletionId).singleResult().getId();

    signIn("/camunda/app/tasklist/default/", "compliance");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Compliance tasks"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Approve data deletion"))).click();
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Affected documents"));
      // The read-only fields carry the request id and every affected document (set by form-js as values).
      wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field input")).stream()
          .anyMatch(input -> deletionId.equals(input.getDomProperty("value"))));
      String listing = browser.findElements(By.cssSelector(".fjs-form-field textarea")).stream()
          .map(t -> t.getDomProperty("value")).filter(v -> v != null && v.contains(requestId)).findFirst().orElse("");
      documents.forEach(d -> assertThat(listing).contains(d));
    } finally {
      Chromium.screenshot(browser, "tasklist-deletion-approval");
    }

    // Tasklist keeps the form disabled until the task is claimed.
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[self::a or self::button][normalize-space()='Claim']"))).click();
    wait.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    WebElement approve = browser.findElements(By.cssSelector(".fjs-form-field input[type=checkbox]")).get(0);
    approve.click();
    browser.findElements(By.cssSelector(".fjs-form-field textarea")).stream()
        .filter(t -> !Boolean.TRUE.equals(t.getDomProperty("readOnly")) && t.getAttribute("readonly") == null)
        .findFirst().ifPresent(t -> t.sendKeys("Org asked to close its account; nothing under hold."));
    WebElement complete =
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
    // Tasklist's notification toast may lie over the button; a script click is what a user's click does.
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", complete);
    wait.until(d -> taskService.createTaskQuery().processInstanceId(pi).count() == 0);
    Chromium.screenshot(browser, "tasklist-deletion-approved");

    assertThat(runtimeService.getVariable(pi, "approved")).isEqualTo(true);
    runJobs(managementService, pi);
    JsonNode view = rest.withBasicAuth("compliance", "demo").getForObject("/api/deletion-requests/{id}", JsonNode.class,
        deletionId);
    assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(view.get("deleted")).hasSize(documents.size());
    for (String doc : documents) {
      assertThat(rest.withBasicAuth("sender", "demo").getForEntity("/api/documents/{id}", String.class, doc)
          .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  private String signatureRequest() throws Exception {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(RetentionFixtures.pdf()) {
      @Override
      public String getFilename() {
        return "lease.pdf";
      }
    }, headers(MediaType.APPLICATION_PDF)));
    parts.add("request", new HttpEntity<>(RetentionFixtures.JSON.writeValueAsString(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", "Nia", "email", "nia.browser@example.org", "order", 1)))),
        headers(MediaType.APPLICATION_JSON)));
    ResponseEntity<JsonNode> created = rest.withBasicAuth("sender", "demo")
        .postForEntity("/api/signature-requests", new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)),
            JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  private static HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return headers;
  }

  private void signIn(String target, String user) {
    browser.get(url(target));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("sign-in")).click();
  }
}
