package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.JSON;
import static io.sigill.retention.RetentionFixtures.runJobs;
import static io.sigill.retention.RetentionFixtures.signatureRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.audit.AuditTrail;
import io.sigill.audit.TrailExport;
import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentLockedException;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.NotFoundException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks every path of bpmn/data-deletion.bpmn; a held or retained document is never deleted on the way. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeletionProcessTests {

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
  @Autowired JdbcTemplate jdbc;
  @Autowired DeletionRequests deletions;
  @Autowired PlatformTransactionManager transactionManager;
  TransactionTemplate transactions;

  SigillUser admin;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    admin = members.load("admin").orElseThrow();
    transactions = new TransactionTemplate(transactionManager);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedDeletionShredsTheDocumentsErasesTheSignersAndEmailsACertificate() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "eve.delete@example.org");
    List<String> documents = documentsOf(requestId);
    String deletionId = requestDeletion(requestId);
    ProcessInstance pi = process(deletionId);

    assertThat(pi).isWaitingAt("Task_ApproveDeletion");
    assertThat(pi).task().hasCandidateGroup("compliance");
    String listing = (String) runtimeService.getVariable(pi.getId(), "affectedDocuments");
    documents.forEach(d -> org.assertj.core.api.Assertions.assertThat(listing).contains(d));
    decide(pi, "compliance", true);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveDeletion", "Task_DeleteDocuments", "Task_ErasePersonalData",
        "Task_EmailCertificate", "Task_RecordOutcome", "End_DeletionCompleted");
    JsonNode view = deletion(deletionId);
    org.assertj.core.api.Assertions.assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    org.assertj.core.api.Assertions.assertThat(view.get("deleted")).hasSize(documents.size());
    org.assertj.core.api.Assertions.assertThat(view.get("deferred")).isEmpty();
    for (String doc : documents) {
      assertThatThrownBy(() -> vault.describe(doc, new DocumentReader.Member(admin))).isInstanceOf(NotFoundException.class);
    }
    org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from outbound_mail where recipient = ? and subject like ?", Integer.class,
            "admin@demo.sigill.test", "%deletion certificate%" + deletionId))
        .isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(types(deletionId))
        .contains("DELETION_REQUESTED", "DELETION_APPROVED", "SUBJECT_ERASED", "DELETION_COMPLETED");
    org.assertj.core.api.Assertions.assertThat(auditTrail.verify(deletionId).orElseThrow().valid()).isTrue();
    List<HistoricVariableInstance> history = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    org.assertj.core.api.Assertions.assertThat(history).extracting(HistoricVariableInstance::getName)
        .as("ids and routing facts only").containsOnly("deletionRequestId", "requestedBy", "confirmationRequired",
            "approvalRequired", "documentCount", "affectedDocuments", "escalateAt", "approved", "comment", "decidedBy",
            "anyDeferred");
    history.forEach(v -> org.assertj.core.api.Assertions.assertThat(String.valueOf(v.getValue())).doesNotContain("@"));
  }

  @Test
  void documentUnderLegalHoldIsDeferredWithTheReasonAndDeletedOnceTheHoldIsReleased() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "finn.delete@example.org");
    List<String> documents = documentsOf(requestId);
    String holdId = approvedHold(requestId);
    String deletionId = requestDeletion(requestId);
    ProcessInstance pi = process(deletionId);
    decide(pi, "compliance", true);
    runJobs(managementService, pi.getId());

    assertThat(pi).isWaitingAt("Gateway_WaitUntilFree");
    JsonNode view = deletion(deletionId);
    org.assertj.core.api.Assertions.assertThat(view.get("status").asText()).isEqualTo("DEFERRED");
    org.assertj.core.api.Assertions.assertThat(view.get("deferred")).hasSize(documents.size());
    org.assertj.core.api.Assertions.assertThat(view.get("deferred").get(0).get("reason").asText()).isEqualTo("under legal hold");
    org.assertj.core.api.Assertions.assertThat(types(deletionId)).contains("DELETION_DEFERRED").doesNotContain("DELETION_COMPLETED");
    for (String doc : documents) {
      org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).id()).isEqualTo(doc);
      assertThatThrownBy(() -> vault.shred(doc, admin, AccessContext.system())).isInstanceOf(DocumentLockedException.class);
    }

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
    runJobs(managementService, pi.getId());
    assertThat(pi).as("still held a day later").isWaitingAt("Gateway_WaitUntilFree").hasPassed("Timer_CheckAgain");

    releaseHold(holdId);
    runJobs(managementService, pi.getId());

    assertThat(pi).as("resumed by the release, not a day later").isEnded()
        .hasPassed("Event_DocumentsReleased", "End_DeletionCompleted");
    view = deletion(deletionId);
    org.assertj.core.api.Assertions.assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    org.assertj.core.api.Assertions.assertThat(view.get("deleted")).hasSize(documents.size());
    for (String doc : documents) {
      assertThatThrownBy(() -> vault.describe(doc, new DocumentReader.Member(admin))).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void whenThePolicyNeedsNoApprovalTheDocumentsAreDeletedStraightAway() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "jan.delete@example.org");
    List<RetainedDocuments.ScopedDocument> documents = scopes.ofRequests(admin.orgId(), List.of(requestId));
    String deletionId = transactions.execute(s ->
        deletions.start(admin.orgId(), DeletionScope.REQUESTS, "system", documents, false).id());
    ProcessInstance pi = process(deletionId);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassed("Gateway_ApprovalNeeded", "Task_DeleteDocuments", "End_DeletionCompleted")
        .hasNotPassed("Task_ApproveDeletion");
    org.assertj.core.api.Assertions.assertThat(deletion(deletionId).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void rejectedDeletionKeepsEverything() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "gus.delete@example.org");
    String deletionId = requestDeletion(requestId);
    ProcessInstance pi = process(deletionId);
    decide(pi, "compliance", false);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "End_DeletionRejected").hasNotPassed("Task_DeleteDocuments");
    org.assertj.core.api.Assertions.assertThat(deletion(deletionId).get("status").asText()).isEqualTo("REJECTED");
    for (String doc : documentsOf(requestId)) {
      org.assertj.core.api.Assertions.assertThat(vault.describe(doc, new DocumentReader.Member(admin)).id()).isEqualTo(doc);
    }
  }

  @Test
  void approvalLeftOpenEscalatesToComplianceBeforeTheOneMonthDeadline() throws Exception {
    String deletionId = requestDeletion(signatureRequest(mvc, "sender", "hal.delete@example.org"));
    ProcessInstance pi = process(deletionId);
    Date escalateAt = (Date) runtimeService.getVariable(pi.getId(), "escalateAt");
    org.assertj.core.api.Assertions.assertThat(escalateAt.toInstant())
        .isBetween(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(20)),
            ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(25)));
    runJobs(managementService, pi.getId());
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(escalateAt.toInstant().plusSeconds(60)));
    runJobs(managementService, pi.getId());

    Task escalation = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_EscalateDeletion").singleResult();
    org.assertj.core.api.Assertions.assertThat(escalation).isNotNull();
    assertThat(escalation).hasCandidateGroup("compliance");
    assertThat(pi).isWaitingAt("Task_ApproveDeletion", "Task_EscalateDeletion");
  }

  @Test
  void onlyOrgAdminsAskAndOtherOrgsRequestIdsAreNotFound() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "ida.delete@example.org");
    String acmeRequest = signatureRequest(mvc, "sender2", "ida.acme@example.org");
    mvc.perform(post("/api/deletion-requests").with(httpBasic("sender", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "REQUESTS", "requestIds", List.of(requestId)))))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/deletion-requests").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "REQUESTS", "requestIds", List.of(acmeRequest)))))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/deletion-requests").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"scope\":\"EVERYTHING\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/deletion-requests/{id}", "no-such-id").with(httpBasic("compliance", "demo")))
        .andExpect(status().isNotFound());
  }

  private String approvedHold(String requestId) throws Exception {
    return new Holds(mvc, runtimeService, taskService, identityService, managementService).approved(requestId);
  }

  private void releaseHold(String holdId) throws Exception {
    new Holds(mvc, runtimeService, taskService, identityService, managementService).release(holdId);
  }

  private String requestDeletion(String requestId) throws Exception {
    String body = mvc.perform(post("/api/deletion-requests").with(httpBasic("admin", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("scope", "REQUESTS", "requestIds", List.of(requestId)))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
        .andReturn().getResponse().getContentAsString();
    return JSON.readTree(body).get("id").asText();
  }

  private void decide(ProcessInstance pi, String userId, boolean approved) {
    Approvals.decide(taskService, identityService, pi.getId(), userId, approved, "checked");
  }

  private JsonNode deletion(String id) throws Exception {
    return JSON.readTree(mvc.perform(get("/api/deletion-requests/{id}", id).with(httpBasic("compliance", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private List<String> types(String transactionId) {
    return auditTrail.export(transactionId).orElseThrow().events().stream().map(TrailExport.Event::type).toList();
  }

  private ProcessInstance process(String deletionId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(deletionId)
        .processDefinitionKey("data-deletion").singleResult();
  }

  private List<String> documentsOf(String requestId) {
    return scopes.ofRequests(admin.orgId(), List.of(requestId)).stream()
        .map(RetainedDocuments.ScopedDocument::documentId).toList();
  }
}
