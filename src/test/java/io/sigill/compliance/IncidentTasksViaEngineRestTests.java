package io.sigill.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Triage through Camunda's REST API over real HTTP: the security role works it, a sender cannot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentTasksViaEngineRestTests {

  @Autowired TestRestTemplate rest;
  @Autowired IncidentReports reports;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired SecurityIncidentRepository incidents;

  @Test
  void securitySeesAndCompletesTheTriageTaskWithFormVariables() {
    String incidentId = reportedAndReceiptSent();

    JsonNode tasks = tasksFor("security", incidentId);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_TriageIncident");

    Map<String, Object> variables = Map.of("variables", Map.of(
        "severity", Map.of("value", "critical", "type", "String"),
        "personalDataAffected", Map.of("value", true, "type", "Boolean"),
        "summary", Map.of("value", "Signing links leaked in a referrer header", "type", "String")));
    ResponseEntity<String> completed =
        rest.withBasicAuth("security", "demo")
            .postForEntity("/engine-rest/task/{id}/complete", variables, String.class, tasks.get(0).get("id").asText());
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    executeTheOneJobOf(incidentId);
    SecurityIncident incident = incidents.findById(incidentId).orElseThrow();
    assertThat(incident.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(incident.getPersonalDataAffected()).isTrue();
    assertThat(incident.getStatus()).isEqualTo(IncidentStatus.TRIAGED);
    assertThat(tasksFor("security", incidentId).get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ContainIncident");
  }

  @Test
  void senderSeesNoTriageTaskAndCannotCompleteIt() {
    String incidentId = reportedAndReceiptSent();
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(incidentId).singleResult().getId();

    assertThat(tasksFor("sender", incidentId)).isEmpty();
    Map<String, Object> variables = Map.of("variables", Map.of(
        "severity", Map.of("value", "low", "type", "String"),
        "personalDataAffected", Map.of("value", false, "type", "Boolean")));
    ResponseEntity<String> attempt =
        rest.withBasicAuth("sender", "demo").postForEntity("/engine-rest/task/{id}/complete", variables, String.class, taskId);

    assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
  }

  private String reportedAndReceiptSent() {
    String incidentId = reports.report("Leaked links", "Links showed up in a third-party log.", "finder@example.org", null);
    executeTheOneJobOf(incidentId);
    return incidentId;
  }

  private void executeTheOneJobOf(String incidentId) {
    String processInstanceId =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(incidentId).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());
  }

  private JsonNode tasksFor(String user, String incidentId) {
    ResponseEntity<JsonNode> response =
        rest.withBasicAuth(user, "demo")
            .getForEntity("/engine-rest/task?processInstanceBusinessKey={key}", JsonNode.class, incidentId);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
