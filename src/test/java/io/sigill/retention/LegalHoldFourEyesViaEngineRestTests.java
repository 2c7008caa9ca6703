package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.runJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.identity.Members;
import io.sigill.identity.Role;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Four eyes through Camunda's own REST API over real HTTP, as Tasklist uses it: the legal user who
 * asked for the hold sees the approval but can neither claim nor complete it; a legal colleague can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LegalHoldFourEyesViaEngineRestTests {

  static final String COLLEAGUE = "legal-colleague";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Members members;

  @BeforeEach
  void colleague() {
    String demoOrg = members.load("legal").orElseThrow().orgId();
    members.ensureUser(COLLEAGUE, demoOrg, "colleague@demo.sigill.test", "demo", Role.LEGAL);
  }

  @Test
  void requesterCannotApproveTheirOwnHoldThroughEngineRestButAColleagueCan() {
    String holdId = requestHold();
    JsonNode tasks = tasksFor("legal", holdId);
    assertThat(tasks).as("the requester sees the approval").hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    Map<String, Object> approve = Map.of("variables", Map.of(
        "approved", Map.of("value", true, "type", "Boolean"),
        "comment", Map.of("value", "my own hold", "type", "String")));

    ResponseEntity<String> own = rest.withBasicAuth("legal", "demo")
        .postForEntity("/engine-rest/task/{id}/complete", approve, String.class, taskId);
    assertThat(own.getStatusCode()).as("completing one's own approval").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> claim = rest.withBasicAuth("legal", "demo")
        .postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "legal"), String.class, taskId);
    assertThat(claim.getStatusCode()).as("claiming one's own approval").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the approval is still open").isEqualTo(1);

    ResponseEntity<String> colleague = rest.withBasicAuth(COLLEAGUE, "demo")
        .postForEntity("/engine-rest/task/{id}/complete", approve, String.class, taskId);
    assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(holdId).singleResult().getId();
    runJobs(managementService, pi);

    JsonNode hold = rest.withBasicAuth("legal", "demo").getForObject("/api/legal-holds/{id}", JsonNode.class, holdId);
    assertThat(hold.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(hold.get("decidedBy").asText()).isEqualTo(COLLEAGUE);
  }

  @Test
  void onlyLegalRequestsHoldsAndOtherOrgsSeeNone() {
    ResponseEntity<String> bySender = rest.withBasicAuth("sender", "demo").postForEntity("/api/legal-holds",
        Map.of("scope", "ORG", "reason", "r", "matterId", "m"), String.class);
    assertThat(bySender.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> badScope = rest.withBasicAuth("legal", "demo").postForEntity("/api/legal-holds",
        Map.of("scope", "EVERYTHING", "reason", "r", "matterId", "m"), String.class);
    assertThat(badScope.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    String holdId = requestHold();
    String acme = members.load("sender2").orElseThrow().orgId();
    members.ensureUser("legal-acme", acme, "legal@acme.sigill.test", "demo", Role.LEGAL);
    ResponseEntity<String> otherOrg = rest.withBasicAuth("legal-acme", "demo")
        .getForEntity("/api/legal-holds/{id}", String.class, holdId);
    assertThat(otherOrg.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> releaseOther = rest.withBasicAuth("legal-acme", "demo")
        .postForEntity("/api/legal-holds/{id}/release", Map.of("reason", "r"), String.class, holdId);
    assertThat(releaseOther.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> releasePending = rest.withBasicAuth("legal", "demo")
        .postForEntity("/api/legal-holds/{id}/release", Map.of("reason", "r"), String.class, holdId);
    assertThat(releasePending.getStatusCode()).as("a hold not yet approved cannot be released").isEqualTo(HttpStatus.CONFLICT);
  }

  private String requestHold() {
    ResponseEntity<JsonNode> created = rest.withBasicAuth("legal", "demo").postForEntity("/api/legal-holds",
        Map.of("scope", "ORG", "reason", "Regulator inquiry", "matterId", "REG-9"), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
    return created.getBody().get("id").asText();
  }

  private JsonNode tasksFor(String user, String holdId) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo")
        .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", JsonNode.class, holdId);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
