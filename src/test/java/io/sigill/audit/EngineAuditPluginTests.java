package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Engine steps land in the trail with no code per process, in the engine step's transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAuditPluginTests {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ChainStore chains;

  /** A step no production code knows about. */
  public static class FailingStep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException("this step fails on purpose");
    }
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void aBrandNewProcessStepIsRecordedWithDefinitionActivityActorAndOrg() {
    String key = deploy(Bpmn.createExecutableProcess(uniqueKey("brand-new"))
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Order arrives")
        .userTask("weighParcel").name("Weigh the parcel").camundaCandidateGroups("legal")
        .serviceTask("stampParcel").name("Stamp the parcel").camundaExpression("${true}")
        .endEvent("done").name("Parcel shipped")
        .done());
    String tx = "tx-" + UUID.randomUUID();

    runtimeService.startProcessInstanceByKey(key, tx, Variables.putValue(EngineStepRecorder.ORG_VARIABLE, "org-p"));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(tx).singleResult();
    identityService.setAuthentication("legal", List.of("legal"));
    taskService.claim(task.getId(), "legal");
    taskService.complete(task.getId());

    List<StoredEvent> events = chains.events(tx);
    assertThat(events).extracting(e -> e.type() + " " + activity(e)).containsExactly(
        "PROCESS_STARTED -",
        "ACTIVITY_STARTED start", "ACTIVITY_ENDED start",
        "ACTIVITY_STARTED weighParcel", "TASK_CREATED weighParcel",
        "TASK_ASSIGNED weighParcel", "TASK_COMPLETED weighParcel", "ACTIVITY_ENDED weighParcel",
        "ACTIVITY_STARTED stampParcel", "ACTIVITY_ENDED stampParcel",
        "ACTIVITY_STARTED done", "ACTIVITY_ENDED done",
        "PROCESS_ENDED -");
    StoredEvent stamp = events.stream().filter(e -> e.payload().contains("stampParcel")).findFirst().orElseThrow();
    assertThat(stamp.payload()).contains("\"activityName\":\"Stamp the parcel\"", "\"processDefinitionKey\":\"" + key + "\"",
        "\"processDefinitionVersion\":1");
    assertThat(stamp.actor()).isEqualTo("legal");
    assertThat(stamp.orgId()).isEqualTo("org-p");
    assertThat(events.get(0).actor()).isEqualTo(Actor.SYSTEM);
    assertThat(ChainVerifier.verify(events, chains.head(tx).orElseThrow()).valid()).isTrue();
  }

  @Test
  void aStepThatRollsBackLeavesNoEventAndCommittedStepsKeepTheirs() {
    String key = deploy(Bpmn.createExecutableProcess(uniqueKey("fails"))
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .serviceTask("breaks").name("Break on purpose").camundaClass(FailingStep.class.getName())
        .endEvent("end").name("End")
        .done());
    String tx = "tx-" + UUID.randomUUID();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key, tx)).hasMessageContaining("on purpose");

    assertThat(chains.events(tx)).isEmpty();
    assertThat(chains.head(tx)).isEmpty();
  }

  @Test
  void anAsyncStepThatFailsRecordsOnlyTheCommittedStepsAndTheIncident() {
    String key = deploy(Bpmn.createExecutableProcess(uniqueKey("incident"))
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .serviceTask("breaks").name("Break on purpose").camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R1/PT1M").camundaClass(FailingStep.class.getName())
        .endEvent("end").name("End")
        .done());
    String tx = "tx-" + UUID.randomUUID();
    String instanceId = runtimeService.startProcessInstanceByKey(key, tx).getId();
    assertThat(chains.events(tx)).extracting(StoredEvent::type)
        .containsExactly("PROCESS_STARTED", "ACTIVITY_STARTED", "ACTIVITY_ENDED");

    Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("on purpose");

    List<StoredEvent> events = chains.events(tx);
    assertThat(events).extracting(StoredEvent::type)
        .containsExactly("PROCESS_STARTED", "ACTIVITY_STARTED", "ACTIVITY_ENDED", "INCIDENT_CREATED");
    assertThat(events.get(3).payload()).contains("\"activityId\":\"breaks\"", "\"incidentType\":\"failedJob\"");
    assertThat(ChainVerifier.verify(events, chains.head(tx).orElseThrow()).valid()).isTrue();
  }

  /** Fails while {@link #BROKEN} is set: an outage that gets fixed. */
  public static class FlakyStep implements JavaDelegate {
    static final java.util.concurrent.atomic.AtomicBoolean BROKEN = new java.util.concurrent.atomic.AtomicBoolean(true);

    @Override
    public void execute(DelegateExecution execution) {
      if (BROKEN.get()) {
        throw new IllegalStateException("down for now");
      }
    }
  }

  @Test
  void anIncidentIsResolvedOnceWhenTheStepSucceedsAndHealthyJobsResolveNothing() {
    String key = deploy(Bpmn.createExecutableProcess(uniqueKey("resolve"))
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .serviceTask("healthy").name("Healthy step").camundaAsyncBefore().camundaExpression("${true}")
        .serviceTask("flaky").name("Flaky step").camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R1/PT1M").camundaClass(FlakyStep.class.getName())
        .endEvent("end").name("End")
        .done());
    String tx = "tx-" + UUID.randomUUID();
    String instanceId = runtimeService.startProcessInstanceByKey(key, tx).getId();
    FlakyStep.BROKEN.set(true);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId).singleResult().getId());
    Job flaky = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(flaky.getId())).hasMessageContaining("down for now");
    assertThat(chains.events(tx)).extracting(StoredEvent::type).doesNotContain("INCIDENT_RESOLVED").contains("INCIDENT_CREATED");

    FlakyStep.BROKEN.set(false);
    managementService.setJobRetries(flaky.getId(), 1);
    managementService.executeJob(flaky.getId());

    assertThat(chains.events(tx)).extracting(StoredEvent::type).filteredOn("INCIDENT_RESOLVED"::equals).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
  }

  @Test
  void aCalledProcessRecordsIntoTheChainOfItsCallersBusinessKey() {
    String child = deploy(Bpmn.createExecutableProcess(uniqueKey("child")).camundaHistoryTimeToLive(1)
        .startEvent("childStart").name("Child start").endEvent("childEnd").name("Child end").done());
    String parent = deploy(Bpmn.createExecutableProcess(uniqueKey("parent")).camundaHistoryTimeToLive(1)
        .startEvent().name("Start").callActivity("callChild").name("Call child").calledElement(child)
        .endEvent().name("End").done());
    String tx = "tx-" + UUID.randomUUID();
    runtimeService.startProcessInstanceByKey(parent, tx);
    assertThat(chains.events(tx)).extracting(PayloadFacts::activityOf).contains("childStart", "childEnd", "callChild");
  }

  private String deploy(BpmnModelInstance model) {
    String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    return key;
  }

  private static String uniqueKey(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String activity(StoredEvent e) {
    String a = PayloadFacts.activityOf(e);
    return a == null ? "-" : a;
  }
}
