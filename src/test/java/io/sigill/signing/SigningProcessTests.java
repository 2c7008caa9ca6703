package io.sigill.signing;

import static io.sigill.signing.SigningFixtures.pdf;
import static io.sigill.signing.SigningFixtures.request;
import static io.sigill.signing.SigningFixtures.signatureField;
import static io.sigill.signing.SigningFixtures.signer;
import static io.sigill.signing.SigningFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.sigill.notification.TestSmtp;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.sigill.identity.Members;
import io.sigill.identity.SigillUser;
import io.sigill.vault.AccessContext;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks every path of bpmn/signature-request.bpmn against a real SMTP server (GreenMail). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SigningProcessTests {

  @RegisterExtension
  static GreenMailExtension greenMail = TestSmtp.server();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtp.register(registry, greenMail);
  }

  static final String ANNA = "anna@example.org";
  static final String BEN = "ben@example.org";
  static final String CARA = "cara@example.org";
  static final String CC = "archive@example.org";
  static final String SENDER_EMAIL = "sender@demo.sigill.test";
  static final AccessContext BROWSER = new AccessContext("203.0.113.7", "Test browser");

  @Autowired ProcessEngine processEngine;
  @Autowired SignatureRequests requests;
  @Autowired SignerActions actions;
  @Autowired SignatureRequestRepository repository;
  @Autowired Members members;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MockMvc mvc;

  SigillUser sender;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(processEngine);
    greenMail.purgeEmailFromAllMailboxes();
    sender = members.load("sender").orElseThrow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void sequentialSignersAreAskedOneAfterTheOtherAndTheRequestCompletes() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 2)), List.of(CC));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EmailSigningLink");
    runJobs(pi);
    assertThat(recipients()).containsExactly(ANNA);
    assertThat(status(pi, 1)).isEqualTo(SignerStatus.WAITING);

    sign(tokenFor(ANNA));
    runJobs(pi);
    assertThat(recipients()).containsExactly(ANNA, BEN);

    sign(tokenFor(BEN));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SealDocument");
    runJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("StartEvent_RequestSent", "Task_SealDocument",
        "Task_EmailCompletedCopy", "Event_StartRetention", "End_RequestCompleted");
    SignatureRequestView view = requests.find(pi.getBusinessKey(), sender);
    assertThat(view.status()).isEqualTo(SignatureRequestStatus.COMPLETED);
    assertThat(view.completedAt()).isNotNull();
    assertThat(view.signers()).extracting(SignatureRequestView.SignerView::status)
        .containsOnly(SignerStatus.SIGNED);
    List<MimeMessage> completed = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Completed: ")).toList();
    assertThat(completed).extracting(SigningProcessTests::to).containsExactlyInAnyOrder(ANNA, BEN, CC);
    MimeMultipart parts = (MimeMultipart) completed.get(0).getContent();
    assertThat(GreenMailUtil.getWholeMessage(completed.get(0))).contains("application/pdf");
    assertThat(parts.getCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void emailedLinkArrivesAsTextAndEscapedHtmlAndOpensTheSigningPage() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna <b>Bold</b>", ANNA, 1)), List.of());
    runJobs(pi);
    MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equals(ANNA)).findFirst()
        .orElseThrow();
    String whole = GreenMailUtil.getWholeMessage(mail);
    assertThat(whole).contains("multipart/alternative", "text/plain", "text/html");
    assertThat(whole).contains("Anna &lt;b&gt;Bold&lt;/b&gt;").doesNotContain("<b>Bold</b></span>");
    java.util.regex.Matcher link = SigningFixtures.LINK.matcher(whole);
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).isEqualTo("http://localhost:8080");
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sign/" + link.group(2)))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.containsString("Anna &lt;b&gt;Bold&lt;/b&gt;")));
    assertThat(status(pi, 0)).isEqualTo(SignerStatus.VIEWED);
  }

  @Test
  void signersOfOneGroupAreAskedAtOnceAndEitherMaySignFirst() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 1)), List.of());
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).messages().count()).isEqualTo(2);
    runJobs(pi);
    assertThat(recipients()).containsExactlyInAnyOrder(ANNA, BEN);

    sign(tokenFor(BEN));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_WaitForSignature");
    sign(tokenFor(ANNA));
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
  }

  @Test
  void signersOfOneGroupSigningAtTheSameMomentBothCount() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 1), signer("Cara", CARA, 1)),
        List.of());
    runJobs(pi);
    List<String> tokens = List.of(tokenFor(ANNA), tokenFor(BEN), tokenFor(CARA));
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(tokens.size());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tokens.size());
    try {
      List<java.util.concurrent.Future<Object>> done = new java.util.ArrayList<>();
      for (String t : tokens) {
        done.add(pool.submit(() -> {
          barrier.await();
          sign(t);
          return null;
        }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_SealDocument");
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
  }

  @Test
  void mixedOrderAsksTheSecondGroupOnlyWhenTheWholeFirstGroupHasSigned() throws Exception {
    ProcessInstance pi = send(
        List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 1), signer("Cara", CARA, 2)), List.of());
    runJobs(pi);
    assertThat(recipients()).containsExactlyInAnyOrder(ANNA, BEN);
    sign(tokenFor(ANNA));
    runJobs(pi);
    assertThat(recipients()).as("Cara waits for Ben").containsExactlyInAnyOrder(ANNA, BEN);
    sign(tokenFor(BEN));
    runJobs(pi);
    assertThat(recipients()).containsExactlyInAnyOrder(ANNA, BEN, CARA);
    sign(tokenFor(CARA));
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
  }

  @Test
  void waitingSignerGetsAReminderWithAWorkingLinkAfterTheReminderInterval() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    runJobs(pi);
    String first = tokenFor(ANNA);
    Instant sentAt = ClockUtil.getCurrentTime().toInstant();

    ClockUtil.setCurrentTime(Date.from(sentAt.plus(Duration.ofDays(3)).plusSeconds(60)));
    Job reminderTimer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list()
        .stream().filter(j -> "Boundary_ReminderDue".equals(activityOf(j))).findFirst().orElse(null);
    assertThat(reminderTimer).as("the reminder timer is due after 3 days").isNotNull();
    managementService().executeJob(reminderTimer.getId());
    runJobs(pi);

    List<MimeMessage> reminders = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Reminder")).toList();
    assertThat(reminders).hasSize(1);
    String second = SigningFixtures.tokenIn(reminders.get(0));
    assertThat(second).isNotNull().isNotEqualTo(first);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_WaitForSignature").hasPassed("Boundary_ReminderDue", "Task_EmailReminder");

    sign(second);
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
    assertThatThrownBy(() -> sign(first)).isInstanceOf(SigningLinkGoneException.class);
  }

  @Test
  void senderAskingForAReminderEmailsEveryWaitingSigner() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 1)), List.of());
    runJobs(pi);
    assertThat(requests.remind(pi.getBusinessKey(), sender)).isEqualTo(2);
    runJobs(pi);
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).startsWith("Reminder")))
        .extracting(SigningProcessTests::to).containsExactlyInAnyOrder(ANNA, BEN);
    BpmnAwareTests.assertThat(pi).hasPassed("Boundary_RemindRequested");
  }

  @Test
  void requestExpiresOnItsDateAndLinksStopWorking() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 2)), List.of());
    runJobs(pi);
    String token = tokenFor(ANNA);
    Instant expiresAt = repository.findById(pi.getBusinessKey()).orElseThrow().getExpiresAt();

    ClockUtil.setCurrentTime(Date.from(expiresAt.plusSeconds(60)));
    assertThatThrownBy(() -> sign(token)).isInstanceOf(SigningLinkGoneException.class).hasMessageContaining("expired");
    Job expiry = managementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().list().stream()
        .filter(j -> "Boundary_RequestExpired".equals(activityOf(j))).findFirst().orElseThrow();
    managementService().executeJob(expiry.getId());
    runJobs(pi);

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("Boundary_RequestExpired", "Task_RecordExpiry", "End_RequestExpired");
    assertThat(requests.find(pi.getBusinessKey(), sender).status()).isEqualTo(SignatureRequestStatus.EXPIRED);
  }

  @Test
  void declineEndsTheRequestAndNotifiesTheSenderAndTheSigners() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 1), signer("Cara", CARA, 2)),
        List.of());
    runJobs(pi);
    String ben = tokenFor(BEN);
    actions.decline(tokenFor(ANNA), "The fee in clause 4 is wrong.", BROWSER);

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EmailDeclineNotice");
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_SignerDeclined", "Boundary_SignerDeclinedError",
        "End_RequestDeclined").hasNotPassed("Task_SealDocument");
    assertThat(requests.find(pi.getBusinessKey(), sender).status()).isEqualTo(SignatureRequestStatus.DECLINED);
    List<MimeMessage> notices = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Declined: ")).toList();
    assertThat(notices).extracting(SigningProcessTests::to).containsExactlyInAnyOrder(SENDER_EMAIL, ANNA, BEN);
    assertThat(GreenMailUtil.getBody(notices.get(0))).contains("clause 4");
    assertThatThrownBy(() -> sign(ben)).isInstanceOf(SigningLinkGoneException.class);
  }

  @Test
  void cancelWhileTheSigningLinkIsBeingEmailedEndsTheRequest() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EmailSigningLink");
    cancelled(pi);
    assertThat(recipients()).isEmpty();
    assertThat(cancellationNotices()).as("nobody was asked yet, so nobody is told").isEmpty();
  }

  @Test
  void cancelWhileWaitingForASignatureEndsTheRequestAndTheLinkStopsWorking() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    runJobs(pi);
    String token = tokenFor(ANNA);
    cancelled(pi);
    assertThatThrownBy(() -> sign(token)).isInstanceOf(SigningLinkGoneException.class);
    assertThat(cancellationNotices()).containsExactly(ANNA);
  }

  @Test
  void cancelWhileAReminderIsDueEndsTheRequestWithoutSendingIt() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    runJobs(pi);
    requests.remind(pi.getBusinessKey(), sender);
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_WaitForSignature", "Task_EmailReminder");
    cancelled(pi);
    assertThat(recipients()).containsExactly(ANNA);
  }

  @Test
  void cancelInTheSecondGroupEndsTheRequest() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1), signer("Ben", BEN, 2)), List.of());
    runJobs(pi);
    sign(tokenFor(ANNA));
    runJobs(pi);
    cancelled(pi);
    assertThat(cancellationNotices()).as("Anna has signed already; Ben was asked").containsExactly(BEN);
  }

  @Test
  void cancelAfterEverySignerSignedIsRefused() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    runJobs(pi);
    sign(tokenFor(ANNA));
    assertThatThrownBy(() -> requests.cancel(pi.getBusinessKey(), sender, BROWSER))
        .isInstanceOf(SigningConflictException.class);
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
  }

  @Test
  void signingLinkArrivesOnceWhenTheJobIsRetriedAfterTheMailWasSent() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna", ANNA, 1)), List.of());
    Job link = managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    // The step sends the mail, then the node dies before the engine commits: the job stays.
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
          managementService().executeJob(link.getId());
          throw new IllegalStateException("crash after the send, before the commit");
        }))
        .hasMessageContaining("crash after the send");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_EmailSigningLink");
    assertThat(recipients()).containsExactly(ANNA);

    runJobs(pi);
    assertThat(recipients()).as("the retry sends nothing twice").containsExactly(ANNA);
    assertThat(status(pi, 0)).isEqualTo(SignerStatus.NOTIFIED);
    sign(tokenFor(ANNA));
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("End_RequestCompleted");
  }

  @Test
  void processHistoryHoldsIdsAndRoutingFactsOnly() throws Exception {
    ProcessInstance pi = send(List.of(signer("Anna Secretname", ANNA, 1)), List.of(CC));
    runJobs(pi);
    sign(tokenFor(ANNA));
    runJobs(pi);
    List<HistoricVariableInstance> variables =
        historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName)
        .allMatch(Set.of("signatureRequestId", "orgId", "expiresAt", "reminderCycle", "signingGroup", "signerId",
            "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter")::contains);
    assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
        .noneMatch(v -> v.contains("@") || v.contains("Secretname") || v.contains("Service agreement"));
  }

  private void cancelled(ProcessInstance pi) {
    requests.cancel(pi.getBusinessKey(), sender, BROWSER);
    runJobs(pi);
    BpmnAwareTests.assertThat(pi).isEnded()
        .hasPassed("Boundary_RequestCancelled", "Task_EmailCancellationNotice", "End_RequestCancelled");
    assertThat(requests.find(pi.getBusinessKey(), sender).status()).isEqualTo(SignatureRequestStatus.CANCELED);
  }

  ProcessInstance send(List<NewSignatureRequest.NewSigner> signers, List<String> cc) {
    List<NewSignatureRequest.NewField> fields =
        java.util.stream.IntStream.range(0, signers.size()).mapToObj(SigningFixtures::signatureField).toList();
    SignatureRequestView view = requests.create(sender, request("Service agreement", signers, cc, fields),
        upload(pdf(2)), BROWSER);
    assertThat(view.status()).isEqualTo(SignatureRequestStatus.SENT);
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(view.id()).singleResult();
    BpmnAwareTests.assertThat(pi).isStarted().hasBusinessKey(view.id());
    return pi;
  }

  void sign(String token) {
    actions.sign(token, new SignerActions.Submission(true, Map.of(), new SignerActions.SignatureInput("typed", "Signed")),
        BROWSER);
  }

  /** Executes every job that is due now, until none is left. */
  static void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 50; i++) {
      // Async continuations only; timers are fired by the tests that move the clock.
      List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  static String activityOf(Job job) {
    return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private SignerStatus status(ProcessInstance pi, int position) {
    return requests.find(pi.getBusinessKey(), sender).signers().get(position).status();
  }

  static String tokenFor(String email) {
    MimeMessage[] all = greenMail.getReceivedMessages();
    for (int i = all.length - 1; i >= 0; i--) {
      if (email.equals(to(all[i])) && SigningFixtures.tokenIn(all[i]) != null) {
        return SigningFixtures.tokenIn(all[i]);
      }
    }
    throw new AssertionError("no signing link mailed to " + email);
  }

  static List<String> cancellationNotices() {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Cancelled: "))
        .map(SigningProcessTests::to).toList();
  }

  static List<String> recipients() {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> subject(m).startsWith("Please sign"))
        .map(SigningProcessTests::to).toList();
  }

  static String to(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
