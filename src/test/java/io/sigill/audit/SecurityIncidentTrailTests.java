package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigill.compliance.IncidentReports;
import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The security-incident process leaves a complete, verifiable trail from report to close. */
@SpringBootTest
@ActiveProfiles("test")
class SecurityIncidentTrailTests {

  @Autowired IncidentReports reports;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AuditReading reading;
  @Autowired Members members;

  @Test
  void reportToCloseIsRecordedStepByStepAndVerifies() {
    String id = reports.report("Stolen laptop", "A laptop with exports was stolen.", "finder@example.org", null);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();

    runJobs(instance);
    completeAs("security", instance, "Task_TriageIncident",
        Map.of("severity", "high", "personalDataAffected", false, "summary", "Laptop stolen, disk encrypted"));
    runJobs(instance);
    completeAs("security", instance, "Task_ContainIncident", Map.of("containmentNotes", "Remote wipe", "affectedOrgs", ""));
    runJobs(instance);
    completeAs("security", instance, "Task_WritePostmortem", Map.of("postmortem", "Full-disk encryption held."));
    runJobs(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

    SigillUser security = members.load("security").orElseThrow();
    AuditReading.TrailView trail = reading.read(security, id);
    List<String> steps = trail.events().stream()
        .map(e -> e.type() + ":" + e.payload().getOrDefault("activityId", ""))
        .toList();
    assertThat(steps).containsSubsequence(
        "PROCESS_STARTED:", "ACTIVITY_STARTED:StartEvent_IncidentReported", "INCIDENT_REPORTED:",
        "ACTIVITY_STARTED:Task_ConfirmReceipt", "ACTIVITY_ENDED:Task_ConfirmReceipt",
        "TASK_CREATED:Task_TriageIncident", "TASK_COMPLETED:Task_TriageIncident",
        "ACTIVITY_ENDED:Task_RecordTriage", "TASK_COMPLETED:Task_ContainIncident",
        "TASK_COMPLETED:Task_WritePostmortem", "ACTIVITY_ENDED:Task_CloseIncident",
        "ACTIVITY_ENDED:End_IncidentClosed", "PROCESS_ENDED:");
    assertThat(trail.events()).filteredOn(e -> e.type().equals("TASK_COMPLETED")).allSatisfy(e -> assertThat(e.actor()).isEqualTo("security"));
    assertThat(trail.events()).extracting(AuditReading.EventView::seq).doesNotHaveDuplicates();
    assertThat(trail.toString()).doesNotContain("finder@example.org").doesNotContain("A laptop with exports");

    Verification verification = reading.verify(security, id);
    assertThat(verification.valid()).isTrue();
    assertThat(verification.events()).isEqualTo(trail.events().size());
    assertThat(verification.headHash()).isEqualTo(trail.headHash());
  }

  private void runJobs(String instance) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(instance).executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private void completeAs(String user, String instance, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("waiting at " + taskKey).isNotNull();
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }
}
