package io.sigill.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine keeps FULL history but for variable update details and the log of jobs that went well. */
@SpringBootTest
@ActiveProfiles("test")
class OperationalHistoryTests {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void theEngineRunsAtSigillsLevel() {
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(OperationalHistory.NAME);
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(OperationalHistory.ID);
  }

  @Test
  void instancesVariablesTasksAndOperatorActionsAreKeptButNotEachVariableUpdateNorTheLogOfJobsThatWentWell() {
    String key = "history-" + UUID.randomUUID().toString().substring(0, 8);
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .serviceTask("step").name("Step").camundaAsyncBefore().camundaExpression("${true}")
        .userTask("review").name("Review").camundaCandidateGroups("legal")
        .endEvent("end").name("End")
        .done()).deploy();
    String instance = runtimeService.startProcessInstanceByKey(key, Variables.putValue("counter", 1)).getId();
    runtimeService.setVariable(instance, "counter", 2);
    runtimeService.setVariable(instance, "counter", 3);
    Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
    managementService.executeJob(job.getId());
    Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    identityService.setAuthentication("legal", List.of("legal"));
    taskService.complete(review.getId());
    identityService.clearAuthentication();

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
        .extracting(a -> a.getActivityId()).contains("start", "step", "review", "end");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).singleResult().getValue())
        .isEqualTo(3);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count()).isEqualTo(1);
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(instance).operationType("Complete").count())
        .isEqualTo(1);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void aFailedJobIsStillLoggedWithItsError() {
    String key = "history-failing-" + UUID.randomUUID().toString().substring(0, 8);
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .serviceTask("fails").name("Fails").camundaAsyncBefore().camundaExpression("${null.fail()}")
        .endEvent("end").name("End")
        .done()).deploy();
    String instance = runtimeService.startProcessInstanceByKey(key).getId();
    Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();

    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(RuntimeException.class);

    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count()).isEqualTo(1);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).creationLog().count()).isZero();
  }
}
