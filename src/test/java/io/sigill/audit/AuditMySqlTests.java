package io.sigill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigill.identity.SigillUser;
import io.sigill.mysql.MySqlAvailable;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail on a real MySQL-compatible server: triggers, tamper detection, concurrency. */
@ExtendWith(MySqlAvailable.class)
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class AuditMySqlTests {

  @DynamicPropertySource
  static void db(DynamicPropertyRegistry registry) {
    MySqlAvailable.register(registry);
  }

  private static final String NO_UPDATE_TRIGGER =
      "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW "
          + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: UPDATE refused'";

  @Autowired AuditTrail trail;
  @Autowired AuditReading reading;
  @Autowired AuditCheckpoints checkpoints;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private final SigillUser compliance = new SigillUser("compliance", "org-m", Set.of("compliance"));

  @Test
  void updateAndDeleteOfAuditRowsAreRefusedByTheDatabase() {
    String tx = chain(3);
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE transaction_id = ? AND seq = 2", tx))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE transaction_id = ?", tx))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    String checkpoint = checkpoints.create().id();
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_checkpoint SET merkle_root = ? WHERE id = ?", "0".repeat(64), checkpoint))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint WHERE id = ?", checkpoint))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE transaction_id = ?", Integer.class, tx)).isEqualTo(3);
    assertThat(reading.verify(compliance, tx).valid()).isTrue();
  }

  @Test
  void withTheTriggerDroppedAChangedFieldIsReportedAtExactlyThatSeq() {
    String tx = chain(7);
    jdbc.execute("DROP TRIGGER audit_event_no_update");
    try {
      // An attacker with DDL rights rewrites one field of event 5.
      jdbc.update("UPDATE audit_event SET type = 'REQUEST_CANCELLED' WHERE transaction_id = ? AND seq = 5", tx);
    } finally {
      jdbc.execute(NO_UPDATE_TRIGGER);
    }
    Verification v = reading.verify(compliance, tx);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstInvalidSeq()).isEqualTo(5L);
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'x' WHERE transaction_id = ?", tx))
        .hasMessageContaining("append-only");
  }

  @Test
  void millisecondsSurviveAlthoughTheUrlSendsNoFractionalSeconds() {
    ClockUtil.setCurrentTime(new Date(1_790_000_000_123L));
    try {
      String tx = chain(1);
      assertThat(jdbc.queryForObject("SELECT occurred_at_ms FROM audit_event WHERE transaction_id = ?", Long.class, tx))
          .isEqualTo(1_790_000_000_123L);
      assertThat(reading.read(compliance, tx).events().get(0).occurredAt()).isEqualTo("2026-09-21T14:13:20.123Z");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void eightThreadsAppending500EachToOneChainAndToSeparateChainsLeaveNoGapOrFork() throws Exception {
    String shared = "tx-" + UUID.randomUUID();
    String prefix = "tx-" + UUID.randomUUID();
    ConcurrentAppends.run(trail, 8, 500, t -> shared);
    ConcurrentAppends.run(trail, 8, 500, t -> prefix + "-" + t);

    SigillUser complianceC = new SigillUser("compliance", ConcurrentAppends.ORG, Set.of("compliance"));
    ConcurrentAppends.assertGapFree(jdbc, shared, 4000);
    assertThat(reading.verify(complianceC, shared).valid()).isTrue();
    for (int t = 0; t < 8; t++) {
      ConcurrentAppends.assertGapFree(jdbc, prefix + "-" + t, 500);
      assertThat(reading.verify(complianceC, prefix + "-" + t).valid()).isTrue();
    }
  }

  @Test
  void concurrentFirstAppendsToANewChainDoNotDeadlock() throws Exception {
    for (int round = 0; round < 20; round++) {
      String fresh = "tx-" + UUID.randomUUID();
      ConcurrentAppends.run(trail, 8, 1, t -> fresh);
      ConcurrentAppends.assertGapFree(jdbc, fresh, 8);
    }
  }

  @Test
  void anEngineRunWithAUserTaskAndAFailingAsyncStepLeavesAVerifiableTrail() {
    String key = "mysql-audit-" + UUID.randomUUID().toString().substring(0, 8);
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("start").name("Start")
        .userTask("review").name("Review").camundaCandidateGroups("security")
        .serviceTask("breaks").name("Break on purpose").camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R1/PT1M").camundaClass(EngineAuditPluginTests.FailingStep.class.getName())
        .endEvent("end").name("End")
        .done()).deploy();
    String tx = "tx-" + UUID.randomUUID();
    String instance = runtimeService.startProcessInstanceByKey(key, tx).getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
    String job = managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
    assertThatThrownBy(() -> managementService.executeJob(job)).hasMessageContaining("on purpose");

    SigillUser security = new SigillUser("security", "none", Set.of("security"));
    var events = reading.read(security, tx).events();
    assertThat(events).extracting(AuditReading.EventView::type).containsExactly(
        "PROCESS_STARTED", "ACTIVITY_STARTED", "ACTIVITY_ENDED", "ACTIVITY_STARTED", "TASK_CREATED",
        "TASK_COMPLETED", "ACTIVITY_ENDED", "INCIDENT_CREATED");
    assertThat(reading.verify(security, tx).valid()).isTrue();
  }

  private String chain(int n) {
    String tx = "tx-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      trail.record(AuditEventType.DOCUMENT_VIEWED, tx, "org-m", "sender", Map.of("n", i), "192.0.2.1", "JUnit");
    }
    return tx;
  }
}
