package io.sigill.signing;

import static io.sigill.signing.SigningFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sender API and the JSON signer API over HTTP, in the embedded default (mail captured in the
 * outbox): contract, org scoping, and misuse answered with a clear 4xx that changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SigningApiTests {

  // A real 2x1 PNG: drawn signatures are decoded and stamped into the sealed PDF.
  static final String DRAWN_PNG = "data:image/png;base64,"
      + "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGNgYGD4D8IABgMB/8+HxnAAAAAASUVORK5CYII=";


  static final RequestPostProcessor SENDER = httpBasic("sender", "demo");
  static final RequestPostProcessor SENDER2 = httpBasic("sender2", "demo");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  void senderCreatesARequestAndReadsItBackButAnotherOrgGets404() throws Exception {
    JsonNode created = create(Map.of("title", "Lease", "message", "Hi",
        "signers", List.of(Map.of("name", "Anna", "email", "anna@example.org", "order", 1)),
        "fields", List.of(field(0, "signature"))));
    String id = created.get("id").asText();
    assertThat(created.get("status").asText()).isEqualTo("SENT");

    mvc.perform(get("/api/signature-requests/" + id).with(SENDER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("Lease"))
        .andExpect(jsonPath("$.signers[0].email").value("anna@example.org"))
        .andExpect(jsonPath("$.signers[0].status").value("WAITING"));
    mvc.perform(get("/api/signature-requests?status=SENT").with(SENDER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER2)).andExpect(status().isNotFound());
    mvc.perform(post("/api/signature-requests/" + id + "/cancel").with(SENDER2)).andExpect(status().isNotFound());
    mvc.perform(get("/api/signature-requests/" + id + "/document").with(SENDER2)).andExpect(status().isNotFound());
    mvc.perform(get("/api/signature-requests?status=SENT").with(SENDER2))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());
    mvc.perform(get("/api/signature-requests/" + id + "/document?version=original").with(SENDER))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    mvc.perform(get("/api/signature-requests/" + id + "/document?version=final").with(SENDER))
        .andExpect(status().isConflict());
  }

  @Test
  void invalidRequestsAre400NamingTheFieldAndStoreNothing() throws Exception {
    long requests = count("signature_request");
    long documents = count("vault_document");
    long processes = runtimeService.createProcessInstanceQuery().processDefinitionKey("signature-request").count();
    Map<String, Object> anna = Map.of("name", "Anna", "email", "anna@example.org", "order", 1);

    invalid(Map.of("title", "Lease", "signers", List.of(Map.of("name", "Anna", "email", "not-an-email"))),
        "signers[0].email");
    invalid(Map.of("title", "Lease\r\nBcc: victim@example.org", "signers", List.of(anna)), "title");
    invalid(Map.of("title", "Lease", "signers", List.of(Map.of("name", "Anna\nEvil", "email", "a@example.org"))),
        "signers[0].name");
    invalid(Map.of("signers", List.of(anna)), "title");
    invalid(Map.of("title", "Lease"), "signers");
    invalid(Map.of("title", "Lease", "signers", List.of(anna), "fields", List.of(field(3, "signature"))),
        "fields[0].signer");
    invalid(Map.of("title", "Lease", "signers", List.of(Map.of("name", "A", "email", "a@example.org", "order", 0))),
        "signers[0].order");
    invalid(Map.of("title", "Lease", "signers", List.of(anna), "fields",
        List.of(Map.of("type", "signature", "signer", 0, "page", 9, "x", 1, "y", 1, "width", 10, "height", 10))),
        "fields[0].page");
    invalid(Map.of("title", "Lease", "signers", List.of(anna), "expiresInDays", 0), "expiresInDays");
    invalid(Map.of("title", "Lease", "signers", List.of(anna), "cc", List.of("x@y@z")), "cc[0]");
    invalid(Map.of("title", "Lease", "signers", List.of(anna), "fields",
        List.of(Map.of("type", "stamp", "signer", 0, "page", 1, "x", 1, "y", 1, "width", 10, "height", 10))),
        "fields[0].type");
    mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "not a pdf".getBytes()))
            .file(new MockMultipartFile("request", "", "application/json",
                json.writeValueAsBytes(Map.of("title", "Lease", "signers", List.of(anna)))))
            .with(SENDER))
        .andExpect(status().is4xxClientError());

    assertThat(count("signature_request")).isEqualTo(requests);
    assertThat(count("vault_document")).isEqualTo(documents);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("signature-request").count())
        .isEqualTo(processes);
  }

  @Test
  void signerOpensSignsAndTheLinkIsUselessAfterwards() throws Exception {
    JsonNode created = create(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", "Anna", "email", "anna.api@example.org", "order", 1),
            Map.of("name", "Ben", "email", "ben.api@example.org", "order", 1)),
        "fields", List.of(field(0, "signature"), field(0, "text"), field(1, "signature"))));
    String id = created.get("id").asText();
    String annaField = created.get("fields").get(1).get("id").asText();
    String benField = created.get("fields").get(2).get("id").asText();
    runJobs(id);
    String anna = token("anna.api@example.org");
    String ben = token("ben.api@example.org");

    mvc.perform(get("/api/sign/" + anna).header("User-Agent", "Phone"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.request.title").value("Lease"))
        .andExpect(jsonPath("$.signer.email").value("anna.api@example.org"))
        .andExpect(jsonPath("$.pages").value(2))
        .andExpect(jsonPath("$.fields.length()").value(2));
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER))
        .andExpect(jsonPath("$.signers[0].status").value("VIEWED"));

    // Misuse, each refused with nothing changed.
    sign(anna, Map.of("consent", false, "fields", Map.of(annaField, "x"), "signature", typed())).andExpect(status().isBadRequest());
    sign(anna, Map.of("consent", true, "fields", Map.of(), "signature", typed()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("fields." + annaField)));
    sign(anna, Map.of("consent", true, "fields", Map.of(annaField, "x", benField, "y"), "signature", typed()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is not one of your fields")));
    sign(anna, Map.of("consent", true, "fields", Map.of(annaField, "x"), "signature", Map.of("type", "stamp", "value", "x")))
        .andExpect(status().isBadRequest());
    sign("A".repeat(43), Map.of("consent", true, "signature", typed())).andExpect(status().isNotFound());
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER))
        .andExpect(jsonPath("$.signers[0].status").value("VIEWED"));

    sign(anna, Map.of("consent", true, "fields", Map.of(annaField, "ACME Ltd"), "signature", typed()))
        .andExpect(status().isOk());
    sign(anna, Map.of("consent", true, "fields", Map.of(annaField, "again"), "signature", typed()))
        .andExpect(status().isGone());
    mvc.perform(post("/api/sign/" + anna + "/decline").contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"changed my mind\"}"))
        .andExpect(status().isGone());
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER))
        .andExpect(jsonPath("$.status").value("SENT"))
        .andExpect(jsonPath("$.signers[0].status").value("SIGNED"))
        .andExpect(jsonPath("$.signers[1].status").value("NOTIFIED"));

    sign(ben, Map.of("consent", true, "signature", Map.of("type", "drawn", "value", DRAWN_PNG)))
        .andExpect(status().isOk());
    runJobs(id);
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER))
        .andExpect(jsonPath("$.status").value("COMPLETED"))
        .andExpect(jsonPath("$.completedAt").isNotEmpty());
    byte[] sealedPdf = mvc.perform(get("/api/signature-requests/" + id + "/document?version=final").with(SENDER))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();
    // The final document is the sealed one: Sigill's public verifier and poppler's pdfsig both accept it.
    mvc.perform(multipart("/api/verify").file(new MockMultipartFile("file", "final.pdf", "application/pdf", sealedPdf)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sealValid").value(true))
        .andExpect(jsonPath("$.coversWholeDocument").value(true))
        .andExpect(jsonPath("$.knownToSigill").value(true))
        .andExpect(jsonPath("$.auditChainValid").value(true))
        .andExpect(jsonPath("$.transactionId").value(id));
    java.nio.file.Path sealedFile = java.nio.file.Files.createTempFile("sealed", ".pdf");
    java.nio.file.Files.write(sealedFile, sealedPdf);
    Process pdfsig = new ProcessBuilder("pdfsig", sealedFile.toString()).redirectErrorStream(true).start();
    String pdfsigOut = new String(pdfsig.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    pdfsig.waitFor();
    java.nio.file.Files.delete(sealedFile);
    assertThat(pdfsigOut).contains("Signature is Valid").contains("Total document signed");
    try (var doc = org.apache.pdfbox.Loader.loadPDF(sealedPdf)) {
      var text = new org.apache.pdfbox.text.PDFTextStripper();
      // The stamp may sit on the page's own text; PDFBox would drop a glyph overlapping another.
      text.setSuppressDuplicateOverlappingText(false);
      assertThat(text.getText(doc)).contains(id).contains("ACME Ltd").contains("Certificate of completion");
    }
    assertThat(jdbc.queryForObject("select count(*) from outbound_mail where dedupe_key like ?", Long.class,
        "completed-copy:" + id + "%")).isEqualTo(2);
    mvc.perform(post("/api/signature-requests/" + id + "/cancel").with(SENDER)).andExpect(status().isConflict());

    // The request's audit chain holds the whole story, signer actions with IP and user agent, and verifies.
    JsonNode trail = json.readTree(mvc.perform(get("/api/transactions/" + id + "/audit").with(SENDER))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> types = new java.util.ArrayList<>();
    trail.get("events").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).contains("REQUEST_CREATED", "REQUEST_SENT", "SIGNER_NOTIFIED", "SIGNER_OPENED", "SIGNER_SIGNED",
        "DOCUMENT_SEALED", "REQUEST_COMPLETED", "PROCESS_STARTED", "PROCESS_ENDED");
    JsonNode signed = null;
    for (JsonNode e : trail.get("events")) {
      if (e.get("type").asText().equals("SIGNER_SIGNED")) {
        signed = e;
        break;
      }
    }
    assertThat(signed.get("actor").asText()).startsWith("signer:");
    assertThat(signed.get("userAgent").asText()).isEqualTo("Phone");
    assertThat(signed.get("ip").asText()).isNotBlank();
    assertThat(trail.toString()).doesNotContain("anna.api@example.org");
    mvc.perform(get("/api/transactions/" + id + "/audit/verify").with(SENDER))
        .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
  }

  @Test
  void declineNeedsAReasonThenEndsTheRequestAndOtherSignersLinksStopWorking() throws Exception {
    JsonNode created = create(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", "Anna", "email", "anna.d@example.org", "order", 1),
            Map.of("name", "Ben", "email", "ben.d@example.org", "order", 1))));
    String id = created.get("id").asText();
    runJobs(id);
    String anna = token("anna.d@example.org");
    String ben = token("ben.d@example.org");

    mvc.perform(post("/api/sign/" + anna + "/decline").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reason")));
    mvc.perform(post("/api/sign/" + anna + "/decline").contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"Wrong amount\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/sign/" + ben)).andExpect(status().isGone());
    mvc.perform(get("/api/signature-requests/" + id).with(SENDER)).andExpect(jsonPath("$.status").value("DECLINED"));
  }

  @Test
  void senderCancelsAndRemindsOnlyOpenRequests() throws Exception {
    String id = create(Map.of("title", "Lease",
        "signers", List.of(Map.of("name", "Anna", "email", "anna.c@example.org")))).get("id").asText();
    runJobs(id);
    mvc.perform(post("/api/signature-requests/" + id + "/remind").with(SENDER))
        .andExpect(status().isOk()).andExpect(jsonPath("$.reminded").value(1));
    mvc.perform(post("/api/signature-requests/" + id + "/cancel").with(SENDER))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELED"));
    mvc.perform(post("/api/signature-requests/" + id + "/cancel").with(SENDER)).andExpect(status().isConflict());
    mvc.perform(post("/api/signature-requests/" + id + "/remind").with(SENDER)).andExpect(status().isConflict());
    mvc.perform(get("/api/sign/" + token("anna.c@example.org"))).andExpect(status().isGone());
  }

  @Test
  void htmlInNamesIsEscapedInTheMail() throws Exception {
    String id = create(Map.of("title", "<b>Lease</b>",
        "signers", List.of(Map.of("name", "<script>alert(1)</script>", "email", "anna.h@example.org")))).get("id").asText();
    runJobs(id);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isOne();
    // The outbox keeps the text part; the HTML part is rendered by the same escaping engine as pages.
    String text = jdbc.queryForObject("select body from outbound_mail where recipient = ?", String.class,
        "anna.h@example.org");
    assertThat(text).contains("<script>alert(1)</script>");
  }

  // ---- helpers

  JsonNode create(Map<String, Object> request) throws Exception {
    String body = mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "lease.pdf", "application/pdf", pdf(2)))
            .file(new MockMultipartFile("request", "", "application/json", json.writeValueAsBytes(request)))
            .with(SENDER))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  void invalid(Map<String, Object> request, String field) throws Exception {
    mvc.perform(multipart("/api/signature-requests")
            .file(new MockMultipartFile("file", "lease.pdf", "application/pdf", pdf(2)))
            .file(new MockMultipartFile("request", "", "application/json", json.writeValueAsBytes(request)))
            .with(SENDER))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(field + ":")));
  }

  ResultActions sign(String token, Map<String, Object> body) throws Exception {
    return mvc.perform(post("/api/sign/" + token).contentType(MediaType.APPLICATION_JSON)
        .header("User-Agent", "Phone").content(json.writeValueAsBytes(body)));
  }

  static Map<String, Object> typed() {
    return Map.of("type", "typed", "value", "Anna Example");
  }

  static Map<String, Object> field(int signer, String type) {
    return Map.of("type", type, "signer", signer, "page", 1, "x", 72, "y", 100, "width", 200, "height", 40,
        "required", true);
  }

  String token(String email) {
    List<String> bodies = jdbc.queryForList(
        "select body from outbound_mail where recipient = ? order by created_at desc", String.class, email);
    return bodies.stream().map(SigningFixtures::tokenIn).filter(t -> t != null).findFirst().orElseThrow();
  }

  void runJobs(String requestId) {
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).singleResult().getId();
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
