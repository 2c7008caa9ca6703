package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.JSON;
import static io.sigill.retention.RetentionFixtures.runJobs;
import static io.sigill.retention.RetentionFixtures.signatureRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.audit.AuditTrail;
import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentLockedException;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Walks every path of bpmn/legal-hold.bpmn, with the four-eyes rule enforced by the engine. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LegalHoldProcessTests {

  @Autowired ProcessEngine processEngine;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired DocumentScopes scopes;
  @Autowired DocumentVault vault;
  @Autowired Members members;
  @Autowired AuditTrail auditTrail;

  SigillUser admin;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    admin = members.load("admin").orElseThrow();
  }

  @Test
  void holdApprovedByASecondPersonLocksTheDocumentsUntilTheReleaseIsApprovedTheSameWay() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "anna.hold@example.org");
    List<String> documents = documentsOf(requestId);
    String holdId = requestHold(requestId);
    ProcessInstance pi = process(holdId);

    assertThat(pi).isWaitingAt("Task_ApproveHold");
    assertThat(pi).task().hasCandidateGroup("legal").hasCandidateGroup("compliance");
    refusedForTheRequester(pi, "legal");
    decide(pi, "compliance", true);
    runJobs(managementService, pi.getId());

    assertThat(pi).isWaitingAt("Event_ReleaseRequested");
    holdStatus(holdId, "ACTIVE");
    for (String doc : documents) {
      org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).legalHold()).isTrue();
      assertThatThrownBy(() -> vault.shred(doc, admin, AccessContext.system())).isInstanceOf(DocumentLockedException.class);
      mvc.perform(delete("/api/documents/{id}", doc).with(httpBasic("admin", "demo"))).andExpect(status().isConflict());
      org.assertj.core.api.Assertions.assertThat(auditTrail.export(doc).orElseThrow().events().stream()
              .filter(e -> e.type().equals("DELETION_REFUSED")).count())
          .as("the direct call and the API call are both on record").isEqualTo(2);
    }
    mvc.perform(get("/api/legal-holds?active=true").with(httpBasic("compliance", "demo")))
        .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + holdId + "')]").exists());

    release(holdId);
    holdStatus(holdId, "RELEASE_PENDING");
    assertThat(pi).isWaitingAt("Task_ApproveRelease");
    refusedForTheRequester(pi, "legal");
    decide(pi, "compliance", true);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveHold", "Task_ApplyHold", "Event_ReleaseRequested",
        "Task_ApproveRelease", "Task_LiftHold", "End_HoldReleased");
    holdStatus(holdId, "RELEASED");
    for (String doc : documents) {
      org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).legalHold()).isFalse();
    }
  }

  @Test
  void holdBySignerEmailCoversEveryRequestThatSignerWasAskedToSign() throws Exception {
    String first = signatureRequest(mvc, "sender", "Mia.Hold@example.org");
    String second = signatureRequest(mvc, "sender", "mia.hold@example.org");
    String other = signatureRequest(mvc, "sender", "noah.hold@example.org");
    JsonNode hold = JSON.readTree(mvc.perform(post("/api/legal-holds").with(httpBasic("legal", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "SIGNER_EMAIL", "signerEmail", "mia.hold@example.org",
                "reason", "Employment dispute", "matterId", "HR-3"))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

    org.assertj.core.api.Assertions.assertThat(hold.get("requestIds")).extracting(JsonNode::asText)
        .contains(first, second).doesNotContain(other);
    org.assertj.core.api.Assertions.assertThat(hold.toString()).as("the email is not echoed").doesNotContain("mia.hold");
  }

  @Test
  void rejectedHoldLocksNothing() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "ben.hold@example.org");
    String holdId = requestHold(requestId);
    ProcessInstance pi = process(holdId);

    decide(pi, "compliance", false);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "End_HoldRejected").hasNotPassed("Task_ApplyHold");
    holdStatus(holdId, "REJECTED");
    for (String doc : documentsOf(requestId)) {
      org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).legalHold()).isFalse();
    }
  }

  @Test
  void refusedReleaseKeepsTheHoldActiveAndWaitsForTheNextRequest() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "cleo.hold@example.org");
    String holdId = requestHold(requestId);
    ProcessInstance pi = process(holdId);
    decide(pi, "compliance", true);
    runJobs(managementService, pi.getId());

    release(holdId);
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .singleResult().getTaskDefinitionKey()).isEqualTo("Task_ApproveRelease");
    decide(pi, "compliance", false);
    runJobs(managementService, pi.getId());

    assertThat(pi).isWaitingAt("Event_ReleaseRequested").hasPassed("Task_KeepHold");
    holdStatus(holdId, "ACTIVE");
    String doc = documentsOf(requestId).get(0);
    org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).legalHold()).isTrue();
  }

  @Test
  void requesterCannotTakeTheApprovalTaskEither() throws Exception {
    String holdId = requestHold(signatureRequest(mvc, "sender", "dan.hold@example.org"));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(holdId).singleResult();

    assertThatThrownBy(() -> taskService.claim(task.getId(), "legal")).hasStackTraceContaining("Four eyes");
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isNull();
  }

  private void refusedForTheRequester(ProcessInstance pi, String requester) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    identityService.setAuthentication(requester, List.of("legal"));
    try {
      // Authorization is on: the requester's right to work this very task was revoked when it was created.
      assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("approved", true, "comment", "mine")))
          .isInstanceOf(AuthorizationException.class);
      // And were authorization off, the task listener still refuses.
      processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
      assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("approved", true, "comment", "mine")))
          .hasStackTraceContaining("Four eyes");
    } finally {
      processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
      identityService.clearAuthentication();
    }
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
        .as("the approval stays open").isEqualTo(1);
  }

  private void decide(ProcessInstance pi, String userId, boolean approved) {
    Approvals.decide(taskService, identityService, pi.getId(), userId, approved, "checked the matter");
  }

  private String requestHold(String requestId) throws Exception {
    String body = mvc.perform(post("/api/legal-holds").with(httpBasic("legal", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "REQUESTS", "requestIds", List.of(requestId),
                "reason", "Litigation expected", "matterId", "M-2026-7"))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
        .andReturn().getResponse().getContentAsString();
    return JSON.readTree(body).get("id").asText();
  }

  private void release(String holdId) throws Exception {
    mvc.perform(post("/api/legal-holds/{id}/release", holdId).with(httpBasic("legal", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Matter settled\"}"))
        .andExpect(status().isOk());
  }

  private void holdStatus(String holdId, String expected) throws Exception {
    JsonNode hold = JSON.readTree(mvc.perform(get("/api/legal-holds/{id}", holdId).with(httpBasic("legal", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    org.assertj.core.api.Assertions.assertThat(hold.get("status").asText()).isEqualTo(expected);
  }

  private ProcessInstance process(String holdId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(holdId)
        .processDefinitionKey("legal-hold").singleResult();
  }

  private List<String> documentsOf(String requestId) {
    return scopes.ofRequests(admin.orgId(), List.of(requestId)).stream()
        .map(RetainedDocuments.ScopedDocument::documentId).toList();
  }
}
