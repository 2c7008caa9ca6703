package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.JSON;
import static io.sigill.retention.RetentionFixtures.runJobs;
import static io.sigill.retention.RetentionFixtures.signatureRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import io.sigill.vault.DocumentLockedException;
import io.sigill.vault.DocumentReader;
import io.sigill.vault.DocumentVault;
import io.sigill.web.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

/** Walks every path of bpmn/retention.bpmn, moving the engine clock past the retention period. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RetentionProcessTests {

  @Autowired ProcessEngine processEngine;
  @Autowired MockMvc mvc;
  @Autowired Retention retention;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired DocumentScopes scopes;
  @Autowired DocumentVault vault;
  @Autowired Members members;
  @Autowired JdbcTemplate jdbc;

  SigillUser admin;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    admin = members.load("admin").orElseThrow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void documentIsKeptForTheRetentionPeriodThenDeletedAfterComplianceApproves() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "jo.retain@example.org");
    String documentId = documentOf(requestId);
    Instant started = ClockUtil.getCurrentTime().toInstant();
    ProcessInstance pi = startRetention(requestId, documentId);

    assertThat(pi).isWaitingAt("Timer_RetentionEnded");
    Instant until = vault.describe(documentId, new DocumentReader.Member(admin)).retainUntil();
    org.assertj.core.api.Assertions.assertThat(until)
        .isBetween(started.atOffset(ZoneOffset.UTC).plusYears(7).toInstant(),
            ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).plusYears(7).toInstant());
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    org.assertj.core.api.Assertions.assertThat(timer.getDuedate().toInstant()).isEqualTo(until);
    assertThatThrownBy(() -> vault.shred(documentId, admin, AccessContext.system()))
        .isInstanceOf(DocumentLockedException.class);
    retention.startFor(requestId, documentId, admin.orgId());
    org.assertj.core.api.Assertions.assertThat(retentionProcesses(documentId)).as("started once").isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(until.plusSeconds(60)));
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassedInOrder("Task_LockForRetention", "Timer_RetentionEnded", "Task_CheckLegalHold",
        "Gateway_UnderHold", "Task_StartDeletion", "End_DeletionStarted");
    ProcessInstance deletion = deletionFor(pi);
    assertThat(deletion).isWaitingAt("Task_ApproveDeletion");
    Task approval = taskService.createTaskQuery().processInstanceId(deletion.getId()).singleResult();
    identityService.setAuthentication("compliance", List.of("compliance"));
    try {
      taskService.complete(approval.getId(), Map.of("approved", true, "comment", "retention ended"));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs(managementService, deletion.getId());

    assertThat(deletion).isEnded().hasPassed("End_DeletionCompleted");
    assertThatThrownBy(() -> vault.describe(documentId, new DocumentReader.Member(admin)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void completedSignatureRequestStartsRetentionForItsSealedDocument() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "max.retain@example.org");
    String signing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .processDefinitionKey("signature-request").singleResult().getId();
    runJobs(managementService, signing);
    String mail = jdbc.queryForObject("select body from outbound_mail where recipient = ?", String.class,
        "max.retain@example.org");
    Matcher link = Pattern.compile("/sign/([A-Za-z0-9_-]{43})").matcher(mail);
    org.assertj.core.api.Assertions.assertThat(link.find()).isTrue();
    mvc.perform(post("/api/sign/{token}", link.group(1)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"consent\":true,\"fields\":{},\"signature\":{\"type\":\"typed\",\"value\":\"Max\"}}"))
        .andExpect(status().isOk());
    runJobs(managementService, signing);

    List<String> documents = scopes.ofRequests(admin.orgId(), List.of(requestId)).stream()
        .map(RetainedDocuments.ScopedDocument::documentId).toList();
    org.assertj.core.api.Assertions.assertThat(documents).hasSize(2);
    String finalDocument = documents.stream().filter(d -> retentionProcesses(d) == 1).findFirst().orElseThrow();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("retention")
        .variableValueEquals("documentId", finalDocument).singleResult();
    org.assertj.core.api.Assertions.assertThat(pi.getBusinessKey()).isEqualTo(requestId);
    runJobs(managementService, pi.getId());
    assertThat(pi).isWaitingAt("Timer_RetentionEnded");
    org.assertj.core.api.Assertions.assertThat(vault.describe(finalDocument, new DocumentReader.Member(admin)).retainUntil())
        .isAfter(Instant.now().atOffset(ZoneOffset.UTC).plusYears(7).minusDays(1).toInstant());
  }

  @Test
  void heldDocumentWaitsForTheReleaseBeforeDeletionStarts() throws Exception {
    String requestId = signatureRequest(mvc, "sender", "kim.retain@example.org");
    String documentId = documentOf(requestId);
    ProcessInstance pi = startRetention(requestId, documentId);
    String holdId = approvedHold(requestId);
    Instant until = vault.describe(documentId, new DocumentReader.Member(admin)).retainUntil();

    ClockUtil.setCurrentTime(Date.from(until.plusSeconds(60)));
    runJobs(managementService, pi.getId());
    assertThat(pi).isWaitingAt("Gateway_WaitForRelease").hasPassed("Task_CheckLegalHold").hasNotPassed("Task_StartDeletion");

    releaseHold(holdId);
    runJobs(managementService, pi.getId());

    assertThat(pi).isEnded().hasPassed("Event_DocumentReleased", "Task_StartDeletion");
    assertThat(deletionFor(pi)).isWaitingAt("Task_ApproveDeletion");
  }

  @Test
  void orgAdminSetsTheRetentionPeriodForDocumentsSealedFromNowOn() throws Exception {
    mvc.perform(put("/api/settings/retention").with(httpBasic("sender", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"years\":2}"))
        .andExpect(status().isForbidden());
    mvc.perform(put("/api/settings/retention").with(httpBasic("admin", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"years\":0}"))
        .andExpect(status().isBadRequest());
    mvc.perform(put("/api/settings/retention").with(httpBasic("admin", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"years\":2}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.years").value(2));
    try {
      String requestId = signatureRequest(mvc, "sender", "lou.retain@example.org");
      String documentId = documentOf(requestId);
      startRetention(requestId, documentId);
      Instant until = vault.describe(documentId, new DocumentReader.Member(admin)).retainUntil();
      org.assertj.core.api.Assertions.assertThat(until)
          .isBefore(ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).plusYears(2).plusDays(1).toInstant())
          .isAfter(ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).plusYears(2).minusDays(1).toInstant());
    } finally {
      mvc.perform(put("/api/settings/retention").with(httpBasic("admin", "demo"))
          .contentType(MediaType.APPLICATION_JSON).content("{\"years\":7}")).andExpect(status().isOk());
    }
  }

  private ProcessInstance startRetention(String requestId, String documentId) {
    retention.startFor(requestId, documentId, admin.orgId());
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("retention")
        .variableValueEquals("documentId", documentId).singleResult();
    runJobs(managementService, pi.getId());
    return pi;
  }

  private long retentionProcesses(String documentId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("retention")
        .variableValueEquals("documentId", documentId).count();
  }

  private ProcessInstance deletionFor(ProcessInstance retentionProcess) {
    String deletionId = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(retentionProcess.getId()).variableName("deletionRequestId").singleResult().getValue();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(deletionId)
        .processDefinitionKey("data-deletion").singleResult();
  }

  private String approvedHold(String requestId) throws Exception {
    return new Holds(mvc, runtimeService, taskService, identityService, managementService).approved(requestId);
  }

  private void releaseHold(String holdId) throws Exception {
    new Holds(mvc, runtimeService, taskService, identityService, managementService).release(holdId);
  }

  private String documentOf(String requestId) {
    return scopes.ofRequests(admin.orgId(), List.of(requestId)).get(0).documentId();
  }
}
