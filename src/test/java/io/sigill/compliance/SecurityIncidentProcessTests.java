package io.sigill.compliance;

import static io.sigill.compliance.IncidentProcessVariables.AFFECTED_ORGS;
import static io.sigill.compliance.IncidentProcessVariables.CONTAINMENT_NOTES;
import static io.sigill.compliance.IncidentProcessVariables.NOTIFICATION_DEADLINE;
import static io.sigill.compliance.IncidentProcessVariables.PERSONAL_DATA_AFFECTED;
import static io.sigill.compliance.IncidentProcessVariables.POSTMORTEM;
import static io.sigill.compliance.IncidentProcessVariables.SEVERITY;
import static io.sigill.compliance.IncidentProcessVariables.SUMMARY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.sigill.notification.TestSmtp;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks every path of bpmn/security-incident.bpmn with a real SMTP server (GreenMail). */
@SpringBootTest
@ActiveProfiles("test")
class SecurityIncidentProcessTests {

  @RegisterExtension
  static GreenMailExtension greenMail = TestSmtp.server();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry, greenMail);
  }

  static final String REPORTER = "reporter@example.org";
  static final String DESCRIPTION = "The nightly backup of the customer table was publicly readable.";
  static final String DEMO_ORG_ADMIN = "admin@demo.sigill.test";

  @Autowired ProcessEngine processEngine;
  @Autowired IncidentReports reports;
  @Autowired SecurityIncidentRepository incidents;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(processEngine);
    greenMail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void incidentWithoutPersonalDataIsTriagedContainedAndClosedWithoutNotifyingAnyone() throws Exception {
    ProcessInstance pi = report();
    confirmReceipt(pi);
    triage(pi, false);
    contain(pi, "");

    assertThat(pi).isWaitingAt("Task_WritePostmortem");
    assertThat(task()).hasCandidateGroup("security");
    writePostmortemAndClose(pi);

    assertThat(pi).hasPassedInOrder(
        "StartEvent_IncidentReported", "Task_ConfirmReceipt", "Task_TriageIncident", "Task_RecordTriage",
        "Task_ContainIncident", "Task_RecordContainment", "Gateway_PersonalDataAffected",
        "Gateway_NotificationDone", "Task_WritePostmortem", "Task_CloseIncident", "End_IncidentClosed");
    assertThat(pi).hasNotPassed("Task_ConfirmNotification", "Task_EmailAffectedOrgs", "Task_Escalation");
    SecurityIncident incident = incident(pi);
    org.assertj.core.api.Assertions.assertThat(incident.getStatus()).isEqualTo(IncidentStatus.CLOSED);
    org.assertj.core.api.Assertions.assertThat(incident.getSeverity()).isEqualTo(Severity.LOW);
    org.assertj.core.api.Assertions.assertThat(incident.getPersonalDataAffected()).isFalse();
    org.assertj.core.api.Assertions.assertThat(incident.getClosedAt()).isNotNull();
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactly(REPORTER);
  }

  @Test
  void personalDataIncidentNotifiedBeforeTheDeadlineEmailsTheOrgAdminsAndNeverEscalates() throws Exception {
    ProcessInstance pi = report();
    confirmReceipt(pi);
    triage(pi, true);
    contain(pi, "demo");

    assertThat(pi).isWaitingAt("Task_ConfirmNotification");
    assertThat(task()).hasCandidateGroup("security");
    Job deadline = deadlineTimer(pi);
    Instant reportedAt = incident(pi).getReportedAt();
    org.assertj.core.api.Assertions.assertThat(deadline.getDuedate().toInstant()).isEqualTo(reportedAt.plus(Duration.ofHours(72)));
    org.assertj.core.api.Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .as("the deadline timer is not due yet")
        .isZero();

    ClockUtil.setCurrentTime(Date.from(reportedAt.plus(Duration.ofHours(71))));
    complete(task(), withVariables(AFFECTED_ORGS, "demo"));
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().processInstanceId(pi.getId()).count())
        .as("leaving the task removes the deadline timer")
        .isZero();
    assertThat(pi).isWaitingAt("Task_EmailAffectedOrgs");
    execute(job());

    org.assertj.core.api.Assertions.assertThat(incident(pi).getStatus()).isEqualTo(IncidentStatus.NOTIFIED);
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactlyInAnyOrder(REPORTER, DEMO_ORG_ADMIN);
    MimeMessage notification = mailTo(DEMO_ORG_ADMIN);
    org.assertj.core.api.Assertions.assertThat(notification.getSubject()).contains(pi.getBusinessKey());
    org.assertj.core.api.Assertions.assertThat(GreenMailUtil.getBody(notification)).contains("Backup bucket was public");

    writePostmortemAndClose(pi);
    assertThat(pi).hasPassed("Task_ConfirmNotification", "Task_EmailAffectedOrgs", "End_IncidentClosed");
    assertThat(pi).hasNotPassed("Timer_NotificationDeadline", "Task_Escalation");
  }

  @Test
  void passedDeadlineEscalatesToSecurityAndOrgAdminWhileTheNotificationStaysOpen() throws Exception {
    ProcessInstance pi = report();
    confirmReceipt(pi);
    triage(pi, true);
    contain(pi, "demo");
    assertThat(pi).isWaitingAt("Task_ConfirmNotification");

    Instant reportedAt = incident(pi).getReportedAt();
    ClockUtil.setCurrentTime(Date.from(reportedAt.plus(Duration.ofHours(72)).plusSeconds(60)));
    org.assertj.core.api.Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().count())
        .isEqualTo(1);
    execute(deadlineTimer(pi));

    assertThat(pi).isWaitingAt("Task_ConfirmNotification", "Task_Escalation");
    var escalation = task("Task_Escalation");
    List<String> groups =
        taskService().getIdentityLinksForTask(escalation.getId()).stream().map(IdentityLink::getGroupId).toList();
    org.assertj.core.api.Assertions.assertThat(groups).containsExactlyInAnyOrder("security", "org-admin");

    complete(escalation, withVariables(IncidentProcessVariables.ESCALATION_HANDLED, true));
    complete(task("Task_ConfirmNotification"), withVariables(AFFECTED_ORGS, "demo"));
    execute(job());
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactlyInAnyOrder(REPORTER, DEMO_ORG_ADMIN);
    writePostmortemAndClose(pi);

    assertThat(pi).hasPassed("Timer_NotificationDeadline", "Task_Escalation", "End_EscalationHandled",
        "Task_EmailAffectedOrgs", "End_IncidentClosed");
    assertThat(pi).isEnded();
  }

  @Test
  void receiptArrivesOnceWhenTheJobIsRetriedAfterTheMailWasSent() throws Exception {
    ProcessInstance pi = report();
    Job receipt = job();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    // The step sends the mail, then the node dies before the engine commits: the job stays.
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
          managementService().executeJob(receipt.getId());
          throw new IllegalStateException("crash after the send, before the commit");
        }))
        .hasMessageContaining("crash after the send");
    assertThat(pi).isWaitingAt("Task_ConfirmReceipt");
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactly(REPORTER);

    execute(job());

    org.assertj.core.api.Assertions.assertThat(recipients()).as("the retry sends nothing twice").containsExactly(REPORTER);
    assertThat(pi).hasPassed("Task_ConfirmReceipt").isWaitingAt("Task_TriageIncident");
  }

  @Test
  void notificationRetriedAfterAPartialFailureSendsEachOrgAdminExactlyOneMail() throws Exception {
    ProcessInstance pi = report();
    confirmReceipt(pi);
    triage(pi, true);
    contain(pi, "demo, acme");
    // acme has no org-admin: the step mails demo's admin, then fails and keeps its job for a retry.
    complete(task(), withVariables(AFFECTED_ORGS, "demo, acme"));
    Job notify = job();
    assertThatThrownBy(() -> managementService().executeJob(notify.getId()))
        .hasMessageContaining("'acme' has no org-admin");
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactlyInAnyOrder(REPORTER, DEMO_ORG_ADMIN);

    runtimeService().setVariable(pi.getId(), AFFECTED_ORGS, "demo");
    execute(job());

    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactlyInAnyOrder(REPORTER, DEMO_ORG_ADMIN);
    assertThat(pi).isWaitingAt("Task_WritePostmortem");
  }

  @Test
  void processHistoryHoldsNoReporterEmailTitleOrDescription() throws Exception {
    ProcessInstance pi = report();
    confirmReceipt(pi);
    triage(pi, true);
    contain(pi, "demo");
    complete(task(), withVariables(AFFECTED_ORGS, "demo"));
    execute(job());
    writePostmortemAndClose(pi);

    List<HistoricVariableInstance> variables =
        historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list();
    org.assertj.core.api.Assertions.assertThat(variables).extracting(HistoricVariableInstance::getName)
        .allMatch(Set.of("incidentId", SEVERITY, PERSONAL_DATA_AFFECTED, NOTIFICATION_DEADLINE, SUMMARY,
            CONTAINMENT_NOTES, AFFECTED_ORGS, POSTMORTEM)::contains);
    org.assertj.core.api.Assertions.assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
        .noneMatch(v -> v.contains(REPORTER) || v.contains(DESCRIPTION) || v.contains("Leaked backup"));
  }

  private ProcessInstance report() {
    String id = reports.report("Leaked backup", DESCRIPTION, REPORTER, null);
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(pi).isStarted().hasBusinessKey(id).isWaitingAt("Task_ConfirmReceipt");
    return pi;
  }

  private void confirmReceipt(ProcessInstance pi) throws Exception {
    execute(job());
    org.assertj.core.api.Assertions.assertThat(recipients()).containsExactly(REPORTER);
    org.assertj.core.api.Assertions.assertThat(mailTo(REPORTER).getSubject()).contains(pi.getBusinessKey());
  }

  private void triage(ProcessInstance pi, boolean personalData) {
    assertThat(pi).isWaitingAt("Task_TriageIncident");
    assertThat(task()).hasCandidateGroup("security");
    complete(task(), withVariables(SEVERITY, personalData ? "high" : "low", PERSONAL_DATA_AFFECTED, personalData,
        SUMMARY, "Backup bucket was public for two days"));
    execute(job());
    org.assertj.core.api.Assertions.assertThat(incident(pi).getStatus()).isEqualTo(IncidentStatus.TRIAGED);
  }

  private void contain(ProcessInstance pi, String affectedOrgs) {
    assertThat(pi).isWaitingAt("Task_ContainIncident");
    assertThat(task()).hasCandidateGroup("security");
    complete(task(), withVariables(CONTAINMENT_NOTES, "Bucket made private, keys rotated", AFFECTED_ORGS, affectedOrgs));
    execute(job());
  }

  private void writePostmortemAndClose(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_WritePostmortem");
    complete(task(), withVariables(POSTMORTEM, "Root cause: a public-read default. Fixed by policy."));
    execute(job());
    assertThat(pi).hasPassed("End_IncidentClosed");
    org.assertj.core.api.Assertions.assertThat(incident(pi).getStatus()).isEqualTo(IncidentStatus.CLOSED);
  }

  private Job deadlineTimer(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
  }

  private SecurityIncident incident(ProcessInstance pi) {
    return incidents.findById(pi.getBusinessKey()).orElseThrow();
  }

  private static List<String> recipients() throws Exception {
    return Arrays.stream(greenMail.getReceivedMessages())
        .map(m -> {
          try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private static MimeMessage mailTo(String recipient) throws Exception {
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)) {
        return m;
      }
    }
    throw new AssertionError("No mail to " + recipient);
  }
}
