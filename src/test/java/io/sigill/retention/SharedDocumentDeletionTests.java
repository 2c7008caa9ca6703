package io.sigill.retention;

import static io.sigill.retention.RetentionFixtures.JSON;
import static io.sigill.retention.RetentionFixtures.runJobs;
import static io.sigill.retention.RetentionFixtures.signatureRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigill.audit.AuditTrail;
import io.sigill.audit.TrailExport;
import io.sigill.identity.Members;
import io.sigill.identity.Org;
import io.sigill.identity.OrgRepository;
import io.sigill.identity.Role;
import io.sigill.vault.DocumentVault;
import io.sigill.vault.Parties;
import java.time.Duration;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Promise P4 end to end: a sealed document is shared by the sender's org and its signer. One
 * party's deletion never removes the other's access; the bytes and data key go when the last party
 * lets go, and not while a hold keeps the document. The signer asks as a data subject, without an
 * account, confirming through the emailed link.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SharedDocumentDeletionTests {

  static final Pattern SIGN_LINK = Pattern.compile("/sign/([A-Za-z0-9_-]{43})");
  static final Pattern CONFIRM_LINK = Pattern.compile("/privacy/confirm/([A-Za-z0-9_-]{43})");

  @Autowired ProcessEngine processEngine;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired DocumentVault vault;
  @Autowired Members members;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrgRepository orgs;

  String orgId;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    orgId = members.load("admin").orElseThrow().orgId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOrgDeletesAndTheSignerKeepsTheirCopyUntilTheyDeleteItToo() throws Exception {
    Completed done = completedRequest("sender", orgId, "bea.shared@example.org");

    // A: the org deletes the request. Its original goes; of the sealed copy only the org's access.
    String orgDeletion = orgDeletes(done.requestId());
    JsonNode view = deletion(orgDeletion);
    assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(view.get("deleted")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(done.originalId(), done.finalId());
    assertThat(vault.holding(done.originalId(), orgId)).isEmpty();
    assertThat(vault.holding(done.finalId(), orgId).orElseThrow().parties())
        .containsExactly(Parties.signer(done.signerId()));
    mvc.perform(get("/api/signature-requests/{id}/document", done.requestId()).param("version", "final")
            .with(httpBasic("sender", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/documents/{id}", done.finalId()).with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound());
    assertThat(types(done.finalId())).contains("DOCUMENT_ACCESS_REMOVED").doesNotContain("DOCUMENT_DELETED");
    assertThat(jdbc.queryForObject("select name from signature_signer where id = ?", String.class, done.signerId()))
        .as("the signer's copy still names them").isEqualTo("Bea");
    assertThat(jdbc.queryForObject("select recipient from outbound_mail where dedupe_key = ?", String.class,
        "signing-link:" + done.signerId())).isEqualTo("bea.shared@example.org");

    // B still downloads their copy, through the link they signed with (page and API).
    byte[] copy = mvc.perform(get("/api/sign/{token}/document", done.token()))
        .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(copy, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(sha256(copy)).isEqualTo(vault.holding(done.finalId(), orgId).orElseThrow().info().sha256());
    mvc.perform(get("/sign/{token}/document", done.token())).andExpect(status().isOk());
    mvc.perform(get("/sign/{token}", done.token())).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"download-copy\"")));
    List<String> objectIds = jdbc.queryForList("select id from vault_object where document_id = ?", String.class,
        done.finalId());

    // B deletes: the last party, so the bytes and the data key go.
    ProcessInstance subject = subjectAsksAndConfirms("bea.shared@example.org");
    Approvals.decide(taskService, identityService, subject.getId(), "compliance", true, "checked");
    runJobs(managementService, subject.getId());

    BpmnAwareTests.assertThat(subject).isEnded().hasPassed("Event_Confirmed", "Task_ApproveDeletion",
        "Task_DeleteDocuments", "End_DeletionCompleted");
    assertThat(deletion(subject.getBusinessKey()).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(vault.holding(done.finalId(), orgId)).isEmpty();
    assertThat(objectIds).isNotEmpty();
    for (String objectId : objectIds) {
      assertThat(jdbc.queryForObject("select count(*) from vault_object where id = ?", Integer.class, objectId))
          .as("wrapped data key destroyed").isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from vault_party where document_id = ?", Integer.class,
        done.finalId())).isZero();
    assertThat(types(done.finalId())).contains("DOCUMENT_DELETED");
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isNotFound());
    mvc.perform(get("/sign/{token}", done.token())).andExpect(status().isGone());

    // Nobody holds anything of the request now: the people's data in its rows is purged.
    assertThat(jdbc.queryForObject("select name from signature_signer where id = ?", String.class, done.signerId()))
        .isEqualTo("(erased)");
    Map<String, Object> link = jdbc.queryForMap("select recipient, body from outbound_mail where dedupe_key = ?",
        "signing-link:" + done.signerId());
    assertThat(link).containsEntry("RECIPIENT", "(erased)").containsEntry("BODY", "(erased)");
    assertThat(jdbc.queryForObject("select count(*) from outbound_mail where body like ?", Integer.class,
        "%" + done.token() + "%")).as("no mail keeps the signing link").isZero();
    assertThat(jdbc.queryForObject("select count(*) from outbound_mail where recipient = ? and subject like ?",
        Integer.class, "bea.shared@example.org", "%deletion certificate%")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select subject_email from deletion_request where id = ?", String.class,
        subject.getBusinessKey())).as("the address is forgotten once done").isNull();
    assertThat(types(subject.getBusinessKey())).contains("DELETION_REQUESTED", "DELETION_CONFIRMED",
        "DELETION_APPROVED", "DELETION_COMPLETED");
    assertThat(auditTrail.verify(done.finalId()).orElseThrow().valid()).isTrue();
  }

  @Test
  void aHoldPlacedBeforeTheLastPartyLetsGoDefersTheDeletionUntilItIsReleased() throws Exception {
    Completed done = completedRequest("sender", orgId, "cai.shared@example.org");
    orgDeletes(done.requestId());
    Holds holds = new Holds(mvc, runtimeService, taskService, identityService, managementService);
    String holdId = holds.approved(done.requestId());

    ProcessInstance subject = subjectAsksAndConfirms("cai.shared@example.org");
    Approvals.decide(taskService, identityService, subject.getId(), "compliance", true, "checked");
    runJobs(managementService, subject.getId());

    BpmnAwareTests.assertThat(subject).isWaitingAt("Gateway_WaitUntilFree");
    JsonNode view = deletion(subject.getBusinessKey());
    assertThat(view.get("status").asText()).isEqualTo("DEFERRED");
    assertThat(view.get("deferred").get(0).get("id").asText()).isEqualTo(done.finalId());
    assertThat(view.get("deferred").get(0).get("reason").asText()).isEqualTo("under legal hold");
    // Deferred: the signer's access stays as it was.
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isOk());

    holds.release(holdId);
    runJobs(managementService, subject.getId());

    BpmnAwareTests.assertThat(subject).isEnded().hasPassed("Event_DocumentsReleased", "End_DeletionCompleted");
    assertThat(deletion(subject.getBusinessKey()).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(vault.holding(done.finalId(), orgId)).isEmpty();
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isNotFound());
    assertThat(jdbc.queryForObject("select count(*) from outbound_mail where recipient = ? and subject like ?",
        Integer.class, "cai.shared@example.org", "%deletion certificate%"))
        .as("one certificate listing the deferral, one once done").isEqualTo(2);
  }

  @Test
  void theSignerDeletingFirstLeavesTheOrgsCopyAlone() throws Exception {
    Completed done = completedRequest("sender", orgId, "dag.shared@example.org");
    ProcessInstance subject = subjectAsksAndConfirms("dag.shared@example.org");
    Approvals.decide(taskService, identityService, subject.getId(), "compliance", true, "checked");
    runJobs(managementService, subject.getId());

    BpmnAwareTests.assertThat(subject).isEnded().hasPassed("End_DeletionCompleted");
    assertThat(vault.holding(done.finalId(), orgId).orElseThrow().parties()).containsExactly(Parties.org(orgId));
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isNotFound());
    mvc.perform(get("/api/signature-requests/{id}/document", done.requestId()).param("version", "final")
            .with(httpBasic("sender", "demo")))
        .andExpect(status().isOk());
    assertThat(jdbc.queryForObject("select name from signature_signer where id = ?", String.class, done.signerId()))
        .as("the org's copy keeps its record of who signed").isEqualTo("Dag");
  }

  @Test
  void deletingAllOfAnOrgsDataCoversDocumentsOutsideRequestsAndKeepsTheSignersCopies() throws Exception {
    Org wiped = orgs.saveAndFlush(new Org("wipe-" + java.util.UUID.randomUUID().toString().substring(0, 8), "Wipe Ltd"));
    members.ensureUser("wipe-admin", wiped.getId(), "admin@wipe.sigill.test", "demo", Role.ORG_ADMIN, Role.SENDER);
    String loose = JSON.readTree(mvc.perform(multipart("/api/documents")
            .file(new MockMultipartFile("file", "notes.pdf", "application/pdf", RetentionFixtures.pdf()))
            .with(httpBasic("wipe-admin", "demo")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asText();
    Completed done = completedRequest("wipe-admin", wiped.getId(), "fay.shared@example.org");

    String deletionId = orgDeletes("wipe-admin", Map.of("scope", "ORG"));

    JsonNode view = deletion(deletionId, "wipe-admin");
    assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(view.get("deleted")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(loose, done.originalId(), done.finalId());
    assertThat(vault.holding(loose, wiped.getId())).isEmpty();
    assertThat(vault.holding(done.originalId(), wiped.getId())).isEmpty();
    assertThat(vault.holding(done.finalId(), wiped.getId()).orElseThrow().parties())
        .containsExactly(Parties.signer(done.signerId()));
    assertThat(vault.documentsHeldBy(wiped.getId())).isEmpty();
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isOk());
  }

  @Test
  void deletingTheOrgsDocumentDirectlyLeavesTheSignersCopy() throws Exception {
    Completed done = completedRequest("sender", orgId, "gus.shared@example.org");
    mvc.perform(delete("/api/documents/{id}", done.finalId()).with(httpBasic("admin", "demo")))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/documents/{id}", done.finalId()).with(httpBasic("admin", "demo")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isOk());
    assertThat(vault.holding(done.finalId(), orgId).orElseThrow().parties())
        .containsExactly(Parties.signer(done.signerId()));
  }

  @Test
  void anUnconfirmedRequestLapsesAfterSevenDaysAndDeletesNothing() throws Exception {
    Completed done = completedRequest("sender", orgId, "eli.shared@example.org");
    mvc.perform(post("/api/privacy/deletion-requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"eli.shared@example.org\"}"))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING_CONFIRMATION"));
    mvc.perform(post("/api/privacy/deletion-requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"Eli.Shared@example.org\"}"))
        .andExpect(status().isAccepted());
    ProcessInstance subject = subjectProcess("eli.shared@example.org");
    runJobs(managementService, subject.getId());
    assertThat(jdbc.queryForObject("select count(*) from deletion_request where subject_email = ?", Integer.class,
        "eli.shared@example.org")).as("asking twice before confirming makes one request, one mail").isEqualTo(1);
    BpmnAwareTests.assertThat(subject).isWaitingAt("Gateway_WaitForConfirmation");
    assertThat(statusOf(subject)).isEqualTo("PENDING_CONFIRMATION");

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7).plusHours(1))));
    runJobs(managementService, subject.getId());

    BpmnAwareTests.assertThat(subject).isEnded().hasPassed("Timer_ConfirmationExpired", "End_NotConfirmed")
        .hasNotPassed("Task_DeleteDocuments");
    assertThat(statusOf(subject)).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("select subject_email from deletion_request where id = ?", String.class,
        subject.getBusinessKey())).isNull();
    mvc.perform(get("/api/sign/{token}/document", done.token())).andExpect(status().isOk());
    String link = confirmationToken("eli.shared@example.org");
    mvc.perform(get("/privacy/confirm/{token}", link)).andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("not valid or has expired")));
  }

  @Test
  void badOrUnknownAddressesChangeNothingAndTellNothing() throws Exception {
    int before = jdbc.queryForObject("select count(*) from deletion_request", Integer.class);
    mvc.perform(post("/api/privacy/deletion-requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"not an address\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    String known = mvc.perform(post("/api/privacy/deletion-requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"email\":\"nobody.here@example.org\"}"))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    assertThat(known).contains("If we keep copies");
    assertThat(jdbc.queryForObject("select count(*) from deletion_request", Integer.class)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from outbound_mail where recipient = ?", Integer.class,
        "nobody.here@example.org")).isZero();
    mvc.perform(get("/privacy/confirm/{token}", "x".repeat(43))).andExpect(status().isNotFound());
    mvc.perform(post("/privacy/delete").with(csrf()).param("email", "<script>alert(1)</script>"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert"))));
    // The page form needs its CSRF token.
    mvc.perform(post("/privacy/delete").param("email", "nobody.here@example.org")).andExpect(status().isForbidden());
  }

  record Completed(String requestId, String signerId, String token, String originalId, String finalId) {}

  /**
   * A request of the demo org signed by one signer over the real API and completed (sealed). The
   * retention process it starts is left before its first step, so the copy is not under retention
   * here (retention's lock is covered by RetentionProcessTests).
   */
  private Completed completedRequest(String sender, String orgId, String email) throws Exception {
    String requestId = signatureRequest(mvc, sender, email, capitalized(email));
    ProcessInstance signing = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .processDefinitionKey("signature-request").singleResult();
    runJobs(managementService, signing.getId());
    String token = lastLink(email, SIGN_LINK);
    mvc.perform(post("/api/sign/{token}", token).contentType(MediaType.APPLICATION_JSON)
            .content("{\"consent\":true,\"fields\":{},\"signature\":{\"type\":\"typed\",\"value\":\"Signed\"}}"))
        .andExpect(status().isOk());
    runJobs(managementService, signing.getId());
    BpmnAwareTests.assertThat(signing).isEnded().hasPassed("End_RequestCompleted");
    Map<String, Object> row = jdbc.queryForMap(
        "select r.document_id, r.final_document_id, s.id as signer_id from signature_request r "
            + "join signature_signer s on s.request_id = r.id where r.id = ?", requestId);
    Completed done = new Completed(requestId, (String) row.get("signer_id"), token, (String) row.get("document_id"),
        (String) row.get("final_document_id"));
    assertThat(vault.holding(done.finalId(), orgId).orElseThrow().info().retainUntil()).isNull();
    assertThat(vault.holding(done.finalId(), orgId).orElseThrow().parties())
        .containsExactlyInAnyOrder(Parties.org(orgId), Parties.signer(done.signerId()));
    return done;
  }

  private String orgDeletes(String requestId) throws Exception {
    return orgDeletes("admin", Map.of("scope", "REQUESTS", "requestIds", List.of(requestId)));
  }

  private String orgDeletes(String admin, Map<String, Object> body) throws Exception {
    String created = mvc.perform(post("/api/deletion-requests").with(httpBasic(admin, "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String deletionId = JSON.readTree(created).get("id").asText();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(deletionId)
        .processDefinitionKey("data-deletion").singleResult();
    Approvals.decide(taskService, identityService, pi.getId(), "compliance", true, "checked");
    runJobs(managementService, pi.getId());
    BpmnAwareTests.assertThat(pi).isEnded();
    return deletionId;
  }

  /** The signer asks on the public page, the link arrives by mail, and they confirm with the button. */
  private ProcessInstance subjectAsksAndConfirms(String email) throws Exception {
    mvc.perform(post("/privacy/delete").with(csrf()).param("email", email))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("If we keep copies")));
    ProcessInstance subject = subjectProcess(email);
    BpmnAwareTests.assertThat(subject).isWaitingAt("Task_EmailConfirmation");
    runJobs(managementService, subject.getId());
    BpmnAwareTests.assertThat(subject).isWaitingAt("Gateway_WaitForConfirmation");
    assertThat(statusOf(subject)).isEqualTo("PENDING_CONFIRMATION");
    BpmnAwareTests.assertThat(subject).hasNotPassed("Task_DeleteDocuments");

    String token = confirmationToken(email);
    mvc.perform(get("/privacy/confirm/{token}", token))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Confirm deletion")));
    BpmnAwareTests.assertThat(subject).as("opening the link alone confirms nothing")
        .isWaitingAt("Gateway_WaitForConfirmation");
    mvc.perform(post("/privacy/confirm/{token}", token).with(csrf())).andExpect(status().isOk());
    BpmnAwareTests.assertThat(subject).isWaitingAt("Task_ApproveDeletion");
    assertThat(statusOf(subject)).isEqualTo("PENDING_APPROVAL");
    // A link confirms once.
    mvc.perform(post("/privacy/confirm/{token}", token).with(csrf())).andExpect(status().isNotFound());
    return subject;
  }

  private ProcessInstance subjectProcess(String email) {
    String deletionId = jdbc.queryForObject(
        "select id from deletion_request where subject_email = ? and org_id = ?", String.class, email, orgId);
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(deletionId)
        .processDefinitionKey("data-deletion").singleResult();
  }

  private String statusOf(ProcessInstance deletion) throws Exception {
    return deletion(deletion.getBusinessKey()).get("status").asText();
  }

  private String confirmationToken(String email) {
    return lastLink(email, CONFIRM_LINK);
  }

  /** The newest link of this kind in the mails captured for the address (no SMTP host in tests). */
  private String lastLink(String email, Pattern kind) {
    for (String body : jdbc.queryForList(
        "select body from outbound_mail where recipient = ? order by created_at desc", String.class, email)) {
      Matcher m = kind.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no link mailed to " + email);
  }

  private JsonNode deletion(String id) throws Exception {
    return deletion(id, "compliance");
  }

  private JsonNode deletion(String id, String reader) throws Exception {
    return JSON.readTree(mvc.perform(get("/api/deletion-requests/{id}", id).with(httpBasic(reader, "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  private List<String> types(String transactionId) {
    return auditTrail.export(transactionId).orElseThrow().events().stream().map(TrailExport.Event::type).toList();
  }

  private static String capitalized(String email) {
    String first = email.substring(0, email.indexOf('.'));
    return Character.toUpperCase(first.charAt(0)) + first.substring(1);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
