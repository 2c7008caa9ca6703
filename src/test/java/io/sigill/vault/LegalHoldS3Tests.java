package io.sigill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/**
 * The legal-hold process end to end against a real S3-compatible server: the Object Lock legal
 * hold flag is ON for every stored object of the held documents while the hold is active and OFF
 * once its release is approved. (Here rather than under retention: the S3 server is the vault's.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LegalHoldS3Tests {

  private static final String BUCKET = "legal-hold-e2e";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired VaultObjectRepository objects;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  private final S3Client s3 = S3MockServer.shared().client();

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    registry.add("sigill.vault.blob-store", () -> "s3");
    registry.add("sigill.vault.s3.endpoint", () -> S3MockServer.shared().endpoint().toString());
    registry.add("sigill.vault.s3.bucket", () -> BUCKET);
    registry.add("sigill.vault.s3.path-style", () -> "true");
    registry.add("sigill.vault.s3.access-key", () -> "test");
    registry.add("sigill.vault.s3.secret-key", () -> "test");
  }

  @Test
  void objectLockLegalHoldIsOnWhileHeldAndOffAfterTheReleaseIsApproved() throws Exception {
    String requestId = signatureRequest();
    ResponseEntity<JsonNode> created = rest.withBasicAuth("legal", "demo").postForEntity("/api/legal-holds",
        Map.of("scope", "REQUESTS", "requestIds", List.of(requestId), "reason", "Litigation", "matterId", "S3-1"),
        JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String holdId = created.getBody().get("id").asText();
    List<String> keys = new ArrayList<>();
    created.getBody().get("documentIds").forEach(d -> objects.findByDocumentId(d.asText()).forEach(o -> keys.add(o.getId())));
    assertThat(keys).isNotEmpty();
    keys.forEach(k -> assertThat(legalHold(k)).as("not before approval").isNotEqualTo(ObjectLockLegalHoldStatus.ON));

    approve(holdId);
    keys.forEach(k -> assertThat(legalHold(k)).isEqualTo(ObjectLockLegalHoldStatus.ON));

    ResponseEntity<String> release = rest.withBasicAuth("legal", "demo")
        .postForEntity("/api/legal-holds/{id}/release", Map.of("reason", "Settled"), String.class, holdId);
    assertThat(release.getStatusCode()).isEqualTo(HttpStatus.OK);
    keys.forEach(k -> assertThat(legalHold(k)).as("on until the release is approved").isEqualTo(ObjectLockLegalHoldStatus.ON));
    approve(holdId);
    keys.forEach(k -> assertThat(legalHold(k)).isEqualTo(ObjectLockLegalHoldStatus.OFF));
  }

  private ObjectLockLegalHoldStatus legalHold(String key) {
    try {
      return s3.getObjectLegalHold(b -> b.bucket(BUCKET).key(key)).legalHold().status();
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      return null; // never set
    }
  }

  private void approve(String holdId) {
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(holdId).singleResult().getId();
    Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    identityService.setAuthentication("compliance", List.of("compliance"));
    try {
      taskService.complete(task.getId(), Map.of("approved", true, "comment", "ok"));
    } finally {
      identityService.clearAuthentication();
    }
    for (Job job : managementService.createJobQuery().processInstanceId(pi).executable().list()) {
      managementService.executeJob(job.getId());
    }
  }

  private String signatureRequest() throws Exception {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(DocumentApiTests.corpus("good.pdf")) {
      @Override
      public String getFilename() {
        return "lease.pdf";
      }
    }, headers(MediaType.APPLICATION_PDF)));
    parts.add("request", new HttpEntity<>(json.writeValueAsString(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", "Ola", "email", "ola.s3@example.org", "order", 1)))),
        headers(MediaType.APPLICATION_JSON)));
    ResponseEntity<JsonNode> created = rest.withBasicAuth("sender", "demo").postForEntity("/api/signature-requests",
        new HttpEntity<>(parts, headers(MediaType.MULTIPART_FORM_DATA)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  private static HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return headers;
  }
}
