package io.sigill.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.identity.Org;
import io.sigill.identity.OrgRepository;
import java.sql.Connection;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on a real MySQL-compatible server: engine, Flyway, a process run, JPA. */
@ExtendWith(MySqlAvailable.class)
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class MySqlIntegrationTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MySqlAvailable.register(registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrgRepository orgs;

  @Test
  void engineRunsOnMySqlWithReadCommittedConnections() throws Exception {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("mysql");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getURL()).contains("sendFractionalSeconds=false");
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @Test
  void flywayAppliedEveryAppMigration() {
    List<Map<String, Object>> applied =
        jdbc.queryForList("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL AND version <> '0'");
    assertThat(applied).isNotEmpty();
    assertThat(applied).allSatisfy(row -> assertThat(row.get("success")).isIn(true, 1, (byte) 1));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org", Integer.class)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aProcessWithAUserTaskAndAnAsyncStepRunsToTheEnd() {
    String key = "mysql-smoke-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("review").name("Review").camundaCandidateGroups("security")
            .serviceTask("record").name("Record").camundaAsyncBefore().camundaExpression("${true}")
            .endEvent()
            .done();
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();

    ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, "tx-" + key);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("review");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("security"));
    taskService.complete(task.getId(), Map.of("approved", true));

    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    var historic = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(historic.getBusinessKey()).isEqualTo("tx-" + key);
    assertThat(historic.getEndTime()).isNotNull();
  }

  /**
   * The driver sends the engine's batches rewritten (rewriteBatchedStatements): the row counts of
   * its updates must still come back, or a lost update would go unnoticed.
   */
  @Test
  void aConcurrentUpdateOfTheSameVariableIsStillAnOptimisticLockingConflict() throws Exception {
    String key = "mysql-conflict-" + UUID.randomUUID().toString().substring(0, 8);
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1).startEvent().userTask("wait").name("Wait").endEvent().done()).deploy();
    String instance = runtimeService.startProcessInstanceByKey(key, Map.of("counter", 0)).getId();
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch otherWrote = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow = thread.submit(() -> commands.execute(context -> {
        ExecutionEntity execution = context.getExecutionManager().findExecutionById(instance);
        execution.getVariable("counter");
        read.countDown();
        await(otherWrote);
        execution.setVariable("counter", 1);
        return null;
      }));
      assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
      runtimeService.setVariable(instance, "counter", 2);
      otherWrote.countDown();

      assertThatThrownBy(() -> slow.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OptimisticLockingException.class);
      assertThat(runtimeService.getVariable(instance, "counter")).isEqualTo(2);
    } finally {
      thread.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anOrgSurvivesARoundTripThroughJpa() {
    Org saved = orgs.saveAndFlush(new Org("rt-" + UUID.randomUUID().toString().substring(0, 8), "Round Trip Ltd"));
    Org loaded = orgs.findBySlug(saved.getSlug()).orElseThrow();
    assertThat(loaded.getId()).isEqualTo(saved.getId());
    assertThat(loaded.getName()).isEqualTo("Round Trip Ltd");
    // sendFractionalSeconds=false (a Camunda requirement) means MySQL keeps whole seconds.
    assertThat(loaded.getCreatedAt()).isCloseTo(saved.getCreatedAt(), org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
    assertThat(orgs.findBySlug("demo")).isPresent();
  }
}
